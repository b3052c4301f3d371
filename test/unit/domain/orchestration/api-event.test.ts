import { ForbiddenError } from '../../../../shared/domain/domain-errors';
import { acceptEvent, runEventNow } from '../../../../shared/domain/orchestration/api-event';
import type { EventInput } from '../../../../shared/domain/orchestration/event-input';
import { FixedDataKeys } from '../../../support/data-keys';
import { inMemoryOrchestration, type TestAccount } from '../../../support/orchestration';
import { orderFlow } from './fixtures';

const input = (overrides: Partial<EventInput> = {}): EventInput => ({
  id: 'api-1',
  name: 'CREATE',
  retailerId: 'R1',
  entityType: 'ORDER',
  entityRef: 'O-1',
  entitySubtype: 'HD',
  ...overrides,
});

const CALLER = { accountId: 'acme' };

describe('acceptEvent', () => {
  let account: TestAccount & { dataKeys: FixedDataKeys };

  beforeEach(() => {
    account = Object.assign(inMemoryOrchestration('acme', { workflows: [orderFlow()] }), { dataKeys: new FixedDataKeys() });
  });

  it('answers PENDING and queues the event for the caller account, without running it', async () => {
    // Act
    const answer = await acceptEvent(input(), CALLER, account);

    // Assess
    expect(answer).toEqual({ eventId: 'api-1', status: 'PENDING' });
    expect(account.queue.sent.map(({ message }) => [message.accountId, message.event.id, message.event.source])).toEqual([['acme', 'api-1', 'API']]);
    expect(account.store.getEntity('R1', 'ORDER', 'O-1')).toBeUndefined();
  });

  it('refuses a key scoped to another retailer, queueing nothing', async () => {
    // Act
    const attempt = acceptEvent(input(), { ...CALLER, retailerId: 'R2' }, account);

    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError);
    expect(account.queue.sent).toEqual([]);
  });
});

describe('runEventNow', () => {
  let account: TestAccount & { dataKeys: FixedDataKeys };

  beforeEach(() => {
    account = Object.assign(inMemoryOrchestration('acme', { workflows: [orderFlow()] }), { dataKeys: new FixedDataKeys() });
  });

  it('answers the outcome and the entity as the event left it', async () => {
    // Act
    const answer = await runEventNow(input(), CALLER, account);

    // Assess
    expect(answer).toMatchObject({ eventId: 'api-1', status: 'SUCCESS', entity: { ref: 'O-1', status: 'BOOKED' } });
  });

  it('shows no customer data of the entity it answers', async () => {
    // Act
    const answer = await runEventNow(input({ attributes: { customer: { name: 'Ada Lovelace', email: 'ada@example.com' } } }), CALLER, account);

    // Assess
    expect(JSON.stringify(answer)).not.toContain('ada@example.com');
  });
});
