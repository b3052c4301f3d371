import { ConflictError, NotFoundError } from '../../../../shared/domain/domain-errors';
import { processQueuedEvent } from '../../../../shared/domain/orchestration/queued-event';
import { retryEvent } from '../../../../shared/domain/orchestration/retry-event';
import { runEvent } from '../../../../shared/domain/orchestration/run-event';
import { submitEvent } from '../../../../shared/domain/orchestration/submit-event';
import { uploadWorkflow } from '../../../../shared/domain/orchestration/workflows';
import type { OrdoEvent } from '../../../../shared/engine/engine-model';
import { inMemoryOrchestration, type TestAccount } from '../../../support/orchestration';
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

  it('refuses with ConflictError an event that is still PENDING', async () => {
    // Prepare
    const pending = orderEvent('CONFIRM');
    await submitEvent(pending, account);
    account.queue.sent.length = 0;

    // Act
    const attempt = retryEvent({ eventId: pending.id }, {}, account);

    // Assess
    await expect(attempt).rejects.toThrow(ConflictError);
    expect(account.queue.sent).toEqual([]);
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
