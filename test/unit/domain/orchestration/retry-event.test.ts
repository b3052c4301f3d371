import { ConflictError, EventStillPendingError, NotFoundError } from '../../../../shared/domain/domain-errors';
import { processQueuedEvent } from '../../../../shared/domain/orchestration/queued-event';
import { retryEvent } from '../../../../shared/domain/orchestration/retry-event';
import { runEvent } from '../../../../shared/domain/orchestration/run-event';
import { submitEvent } from '../../../../shared/domain/orchestration/submit-event';
import { uploadWorkflow } from '../../../../shared/domain/orchestration/workflows';
import type { OrdoEvent } from '../../../../shared/engine/engine-model';
import { inMemoryOrchestration, TEST_NOW, type TestAccount } from '../../../support/orchestration';
import { orderEvent, orderFlow } from './fixtures';

describe('retryEvent', () => {
  let account: TestAccount;
  let failed: OrdoEvent;

  beforeEach(async () => {
    account = inMemoryOrchestration('acme', { workflows: [orderFlow()] });
    await runEvent(orderEvent('CREATE'), account);
    failed = orderEvent('BREAK');
    await runEvent(failed, account);
  });

  it('answers NotFoundError (404) for an event the account does not know', async () => {
    // Act
    const attempt = retryEvent({ eventId: 'evt-unknown' }, {}, account);

    // Assess
    await expect(attempt).rejects.toThrow(NotFoundError);
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(account.queue.sent).toEqual([]);
  });

  it('refuses with ConflictError (409) an event that succeeded', async () => {
    // Prepare
    const succeeded = orderEvent('CONFIRM');
    await runEvent(succeeded, account);

    // Act
    const attempt = retryEvent({ eventId: succeeded.id }, {}, account);

    // Assess
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(account.queue.sent).toEqual([]);
  });

  it('refuses with EVENT_STILL_PENDING (409) an event PENDING for less than the stuck threshold', async () => {
    // Prepare
    const pending = orderEvent('CONFIRM');
    await submitEvent(pending, account);
    account.queue.sent.length = 0;
    account.clock.advance(14 * 60_000);

    // Act
    const attempt = retryEvent({ eventId: pending.id }, {}, account);

    // Assess
    await expect(attempt).rejects.toThrow(EventStillPendingError);
    await expect(attempt).rejects.toMatchObject({ code: 'EVENT_STILL_PENDING', message: expect.stringContaining('15 minutes') });
    expect(account.queue.sent).toEqual([]);
  });

  it('re-drives the same event, under its id, once it has been PENDING longer than the stuck threshold', async () => {
    // Prepare
    const pending = orderEvent('CONFIRM');
    await submitEvent(pending, account);
    account.queue.sent.length = 0;
    account.clock.advance(15 * 60_000);

    // Act
    const answer = await retryEvent({ eventId: pending.id }, {}, account);

    // Assess
    expect(answer).toEqual({ eventId: pending.id, status: 'PENDING' });
    expect(account.queue.sent.map(({ message }) => message)).toEqual([{ accountId: 'acme', event: { ...pending, source: 'RETRY' } }]);
    expect(account.queue.sent[0]?.deduplicationId).not.toBe(pending.id);
  });

  it('re-drives an event the DLQ marked STUCK at once, and clears the mark', async () => {
    // Prepare
    const pending = orderEvent('CONFIRM');
    await submitEvent(pending, account);
    await account.stuckEvents.markStuck(pending, account.clock.now().toISOString());
    account.queue.sent.length = 0;

    // Act
    await retryEvent({ eventId: pending.id }, {}, account);

    // Assess
    expect(account.queue.sent).toHaveLength(1);
    expect(account.stuckEvents.of('R1', pending.id)).toEqual({ redrivenOn: TEST_NOW.toISOString() });
  });

  it('refuses a second re-drive of a STUCK event until the threshold has passed again', async () => {
    // Prepare
    const pending = orderEvent('CONFIRM');
    await submitEvent(pending, account);
    account.clock.advance(20 * 60_000);
    await retryEvent({ eventId: pending.id }, {}, account);
    account.clock.advance(60_000);

    // Act
    const attempt = retryEvent({ eventId: pending.id }, {}, account);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'EVENT_STILL_PENDING' });
  });

  it('keeps the stuck mark when the queue refuses the re-drive, so the event stays listed', async () => {
    // Prepare
    const pending = orderEvent('CONFIRM');
    await submitEvent(pending, account);
    await account.stuckEvents.markStuck(pending, account.clock.now().toISOString());
    account.queue.failure = new Error('SQS is down');

    // Act
    const attempt = retryEvent({ eventId: pending.id }, {}, account);

    // Assess
    await expect(attempt).rejects.toThrow('SQS is down');
    expect(account.stuckEvents.of('R1', pending.id).stuckSince).toBe(TEST_NOW.toISOString());
  });

  it('applies a re-driven STUCK event once, even when its first delivery runs after all', async () => {
    // Prepare
    const pending = orderEvent('CONFIRM');
    await submitEvent(pending, account);
    await account.stuckEvents.markStuck(pending, account.clock.now().toISOString());
    await retryEvent({ eventId: pending.id }, {}, account);
    const [first, redriven] = account.queue.sent.map(({ message }) => message);

    // Act
    const results = [await processQueuedEvent(first!, account), await processQueuedEvent(redriven!, account)];

    // Assess
    expect(results.map(({ outcome }) => outcome)).toEqual(['SUCCESS', 'DUPLICATE']);
    expect(account.store.getEntity('R1', 'ORDER', 'O-1')?.status).toBe('CONFIRMED');
  });

  it('enqueues a FAILED event again, for its account, with source RETRY', async () => {
    // Act
    await retryEvent({ eventId: failed.id }, {}, account);

    // Assess
    expect(account.queue.sent.map(({ message }) => message)).toEqual([
      { accountId: 'acme', event: { ...failed, source: 'RETRY' } },
    ]);
  });

  it('keeps the hop count of a relayed event it re-drives', async () => {
    // Prepare
    const relayed = orderEvent('BREAK', { source: 'QUEUE', hops: 7 });
    await runEvent(relayed, account);

    // Act
    await retryEvent({ eventId: relayed.id }, {}, account);

    // Assess
    expect(account.queue.sent.map(({ message }) => message.event.hops)).toEqual([7]);
  });

  it('enqueues the retry with a deduplication id other than the event id', async () => {
    // Act
    await retryEvent({ eventId: failed.id }, {}, account);

    // Assess
    const [sent] = account.queue.sent;
    expect(sent?.deduplicationId).toEqual(expect.any(String));
    expect(sent?.deduplicationId).not.toBe(failed.id);
  });

  it('uses a fresh deduplication id for a retry after the previous retry failed too', async () => {
    // Prepare
    await retryEvent({ eventId: failed.id }, {}, account);
    await processQueuedEvent(account.queue.sent[0]!.message, account).catch(() => undefined);

    // Act
    await retryEvent({ eventId: failed.id }, {}, account);

    // Assess
    const [first, second] = account.queue.sent.map((sent) => sent.deduplicationId);
    expect(second).not.toBe(first);
    expect(second).not.toBe(failed.id);
  });

  it('answers the event id with status PENDING', async () => {
    // Act
    const answer = await retryEvent({ eventId: failed.id }, {}, account);

    // Assess
    expect(answer).toEqual({ eventId: failed.id, status: 'PENDING' });
  });

  it('lets a retried CREATE succeed once the workflow it lacked is uploaded', async () => {
    // Prepare
    const create = orderEvent('CREATE', { entityRef: 'O-2', entitySubtype: 'CC' });
    await runEvent(create, account);
    await uploadWorkflow({ entityType: 'ORDER', subtype: 'CC', workflow: { ...orderFlow(), subtype: 'CC' } }, {}, account);
    await retryEvent({ eventId: create.id }, {}, account);

    // Act
    const result = await processQueuedEvent(account.queue.sent[0]!.message, account);

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(await account.store.getEvent('R1', create.id)).toMatchObject({ outcome: 'SUCCESS', attempts: 2, event: { source: 'RETRY' } });
  });
});
