import { submitEvent } from '../../../../shared/domain/orchestration/submit-event';
import { inMemoryOrchestration, TEST_NOW, type TestAccount } from '../../../support/orchestration';
import { orderEvent, orderFlow } from './fixtures';

describe('submitEvent', () => {
  let account: TestAccount;

  beforeEach(() => {
    account = inMemoryOrchestration('acme', { workflows: [orderFlow()] });
  });

  it('records the event as PENDING, received now, with no attempts yet', async () => {
    // Prepare
    const event = orderEvent('CREATE');

    // Act
    await submitEvent(event, account);

    // Assess
    expect(await account.store.getEvent('R1', event.id)).toEqual({
      event,
      outcome: 'PENDING',
      receivedOn: TEST_NOW.toISOString(),
      rootEntityType: 'ORDER',
      rootRef: 'O-1',
      attempts: 0,
    });
  });

  it('records the event of a child under the root the event names', async () => {
    // Prepare
    const event = orderEvent('SHIP', { entityType: 'FULFILMENT', entityRef: 'F-1', rootEntityType: 'ORDER', rootEntityRef: 'O-7' });

    // Act
    await submitEvent(event, account);

    // Assess
    expect(await account.store.getEvent('R1', event.id)).toMatchObject({ rootEntityType: 'ORDER', rootRef: 'O-7' });
  });

  it('enqueues the account id and the event, once', async () => {
    // Prepare
    const event = orderEvent('CREATE');

    // Act
    await submitEvent(event, account);

    // Assess
    expect(account.queue.sent).toEqual([{ message: { accountId: 'acme', event }, groupId: 'acme#R1#ORDER#O-1', deduplicationId: `acme#R1#${event.id}` }]);
  });

  it('runs nothing until the queue delivers the event', async () => {
    // Act
    await submitEvent(orderEvent('CREATE'), account);

    // Assess
    expect(account.store.commits).toBe(0);
    expect(account.store.getEntity('R1', 'ORDER', 'O-1')).toBeUndefined();
  });

  it('answers the event id with status PENDING', async () => {
    // Prepare
    const event = orderEvent('CREATE');

    // Act
    const answer = await submitEvent(event, account);

    // Assess
    expect(answer).toEqual({ eventId: event.id, status: 'PENDING' });
  });
});
