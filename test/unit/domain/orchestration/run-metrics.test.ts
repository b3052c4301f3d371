import { runEvent } from '../../../../shared/domain/orchestration/run-event';
import { inMemoryOrchestration, type TestAccount } from '../../../support/orchestration';
import { orderEvent, orderFlow } from './fixtures';

describe('the figures an event run counts', () => {
  let account: TestAccount;

  beforeEach(() => {
    account = inMemoryOrchestration('acme', { workflows: [orderFlow()] });
  });

  it('counts the outcome of every run, as the engine reported it', async () => {
    // Prepare
    await runEvent(orderEvent('CREATE'), account);

    // Act
    await runEvent(orderEvent('UNKNOWN_NAME'), account);
    await runEvent(orderEvent('BREAK'), account);

    // Assess
    expect(account.metrics.outcomes).toEqual(['SUCCESS', 'NO_MATCH', 'FAILED']);
  });

  it('counts an order created by the run that created it', async () => {
    // Act
    await runEvent(orderEvent('CREATE'), account);

    // Assess
    expect(account.metrics.ordersCreatedCount).toBe(1);
  });

  it('counts no order for a run that only changes an existing one', async () => {
    // Prepare
    await runEvent(orderEvent('CREATE'), account);

    // Act
    await runEvent(orderEvent('CONFIRM'), account);

    // Assess
    expect(account.metrics.ordersCreatedCount).toBe(1);
  });

  it('counts a redelivered CREATE as DUPLICATE and no second order', async () => {
    // Prepare
    const create = orderEvent('CREATE');
    await runEvent(create, account);

    // Act
    await runEvent(create, account);

    // Assess
    expect(account.metrics.outcomes).toEqual(['SUCCESS', 'DUPLICATE']);
    expect(account.metrics.ordersCreatedCount).toBe(1);
  });
});
