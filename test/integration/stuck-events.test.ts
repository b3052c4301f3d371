import { FullBatchFailureError } from '@aws-lambda-powertools/batch';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { handler as listEventsRoute } from '../../functions/events/list-events';
import { handler as markStuckEvents } from '../../functions/engine/mark-stuck-events';
import { handler as processQueuedEvents } from '../../functions/engine/process-queued-events';
import { handler as retryEventRoute } from '../../functions/events/retry-event';
import { DynamoEngineStore } from '../../shared/adapters/dynamodb/dynamo-engine-store';
import { orchestrationOf } from '../../shared/composition/orchestration';
import type { UnitOfWork } from '../../shared/engine/engine-model';
import type { QueuedEvent } from '../../shared/ports/event-queue';
import { invoke, lambdaContext } from '../support/api-gateway-event';
import { ManualClock } from '../support/clock';
import { peekQueuedEvents, runQueuedEvents } from '../support/events-queue';
import { sqsEvent, sqsRecord } from '../support/sqs';
import { newAccount } from './control-plane-api';
import { orchestrationApi as api, orderEvent, twoStatusWorkflow } from './orchestration-api';

// Each test makes an account (its own table) and runs the queue.
jest.setTimeout(30_000);

const MINUTE = 60_000;

/** The list and retry routes as they run, with the account's orchestration on a clock the test sets. */
const atTime = (clock: ManualClock) => {
  const context = (accountId: string) => ({ ...orchestrationOf(accountId), clock });
  return {
    listEvents: (apiKey: string, query: Record<string, string>) =>
      invoke(listEventsRoute.with({ context }), { method: 'GET', resource: '/v1/events', query, apiKey }),
    retryEvent: (apiKey: string, eventId: string) =>
      invoke(retryEventRoute.with({ context }), { method: 'POST', resource: '/v1/events/{eventId}/retry', pathParameters: { eventId }, apiKey }),
  };
};

const statusesOf = (body: Record<string, unknown>) =>
  (body.items as { eventId: string; status: string; stuck?: boolean }[]).map(({ eventId, status, stuck }) => ({ eventId, status, ...(stuck ? { stuck } : {}) }));

/** An account with an order O-1 CREATED and a BOOK for it accepted (PENDING) and waiting on the queue. */
const accountWithPendingBook = async (prefix: string) => {
  const { accountId, apiKey } = await newAccount(prefix);
  await api.putWorkflow(apiKey, 'ORDER', 'HD', twoStatusWorkflow());
  await api.postEventSync(apiKey, orderEvent('CREATE', 'O-1'));
  const accepted = await api.postEvent(apiKey, orderEvent('BOOK', 'O-1', { id: `book-${prefix}` }));
  expect(accepted.status).toBe(202);
  const [queued] = (await peekQueuedEvents(accountId)) as [QueuedEvent];
  return { accountId, apiKey, eventId: accepted.body.eventId as string, queued };
};

/** Makes every commit of a BOOK fail as a throttled DynamoDB would. */
const throttleBookCommits = () => {
  const commit = DynamoEngineStore.prototype.commit;
  return jest.spyOn(DynamoEngineStore.prototype, 'commit').mockImplementation(function (this: DynamoEngineStore, uow: UnitOfWork) {
    if (uow.event.event.name !== 'BOOK') return commit.call(this, uow);
    return Promise.reject(new ProvisionedThroughputExceededException({ message: 'Throughput exceeded', $metadata: {} }));
  });
};

describe('stuck events on DynamoDB Local', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('an event left PENDING', () => {
    it('is listed as PENDING before the threshold and as STUCK after it, with the time it became stuck', async () => {
      // Prepare
      const { apiKey, eventId } = await accountWithPendingBook('stuck-late');
      const soon = atTime(new ManualClock(new Date(Date.now() + 5 * MINUTE)));
      const later = new ManualClock(new Date(Date.now() + 16 * MINUTE));

      // Act
      const [pending, stuckSoon, stuckLater] = [
        await soon.listEvents(apiKey, { status: 'PENDING' }),
        await soon.listEvents(apiKey, { status: 'STUCK' }),
        await atTime(later).listEvents(apiKey, { status: 'STUCK' }),
      ];

      // Assess
      expect(statusesOf(pending.body)).toEqual([{ eventId, status: 'PENDING' }]);
      expect(stuckSoon.body.items).toEqual([]);
      expect(statusesOf(stuckLater.body)).toEqual([{ eventId, status: 'PENDING', stuck: true }]);
      const { receivedOn, stuckSince } = stuckLater.body.items[0];
      expect(Date.parse(stuckSince) - Date.parse(receivedOn)).toBe(15 * MINUTE);
    });

    it('is refused by the retry route with 409 EVENT_STILL_PENDING before the threshold', async () => {
      // Prepare
      const { apiKey, eventId } = await accountWithPendingBook('stuck-early');

      // Act
      const response = await atTime(new ManualClock(new Date(Date.now() + 5 * MINUTE))).retryEvent(apiKey, eventId);

      // Assess
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('EVENT_STILL_PENDING');
    });

    it('is re-driven by the retry route after the threshold, leaves the STUCK list, and runs once', async () => {
      // Prepare
      const { accountId, apiKey, eventId } = await accountWithPendingBook('stuck-redrive');
      const later = atTime(new ManualClock(new Date(Date.now() + 16 * MINUTE)));

      // Act
      const retried = await later.retryEvent(apiKey, eventId);
      const stuckAfterRetry = await later.listEvents(apiKey, { status: 'STUCK' });
      const handled = await runQueuedEvents(accountId);

      // Assess
      expect(retried.status).toBe(202);
      expect(stuckAfterRetry.body.items).toEqual([]);
      expect(handled.map(({ event }) => event.id)).toEqual([eventId, eventId]);
      const event = await api.getEvent(apiKey, eventId);
      expect(event.body).toMatchObject({ status: 'SUCCESS', attempts: 1, duplicateDeliveries: 1 });
      expect((await api.getEntity(apiKey, 'ORDER', 'O-1')).body.status).toBe('BOOKED');
    });
  });

  describe('an event that fails on an infrastructure error', () => {
    it('keeps the error code on its record and goes back to the queue', async () => {
      // Prepare
      const { apiKey, eventId, queued } = await accountWithPendingBook('stuck-failure');
      throttleBookCommits();

      // Act
      const attempt = processQueuedEvents(sqsEvent(sqsRecord('m-1', queued)), lambdaContext('processQueuedEvents'));

      // Assess
      await expect(attempt).rejects.toThrow(FullBatchFailureError);
      const event = await api.getEvent(apiKey, eventId);
      expect(event.body).toMatchObject({ status: 'PENDING', failedAttempts: 1, lastError: { code: 'ProvisionedThroughputExceededException' } });
    });

    it('is marked STUCK by the DLQ consumer, listed with its error code, and the retry route takes it to SUCCESS', async () => {
      // Prepare
      const { accountId, apiKey, eventId, queued } = await accountWithPendingBook('stuck-dlq');
      const throttled = throttleBookCommits();
      await processQueuedEvents(sqsEvent(sqsRecord('m-1', queued)), lambdaContext('processQueuedEvents')).catch(() => undefined);
      const marked = await markStuckEvents(sqsEvent(sqsRecord('dlq-1', queued)), lambdaContext('markStuckEvents'));
      throttled.mockRestore();

      // Act
      const stuck = await api.listEvents(apiKey, { status: 'STUCK' });
      const retried = await api.retryEvent(apiKey, eventId);
      await runQueuedEvents(accountId);

      // Assess
      expect(marked).toEqual({ batchItemFailures: [] });
      expect(stuck.body.items).toEqual([
        expect.objectContaining({ eventId, status: 'PENDING', stuck: true, stuckSince: expect.any(String), lastError: expect.objectContaining({ code: 'ProvisionedThroughputExceededException' }) }),
      ]);
      expect(retried.status).toBe(202);
      const event = await api.getEvent(apiKey, eventId);
      expect(event.body).toMatchObject({ status: 'SUCCESS' });
      expect(event.body.stuckSince).toBeUndefined();
      expect((await api.listEvents(apiKey, { status: 'STUCK' })).body.items).toEqual([]);
    });

    it('makes a record for a relayed event that had none, so the retry route finds it', async () => {
      // Prepare
      const { accountId, apiKey } = await newAccount('stuck-relayed');
      await api.putWorkflow(apiKey, 'ORDER', 'HD', twoStatusWorkflow());
      await api.postEventSync(apiKey, orderEvent('CREATE', 'O-1'));
      const relayed: QueuedEvent = { accountId, event: { ...orderEvent('BOOK', 'O-1'), id: 'relayed-book', source: 'QUEUE', hops: 1 } };

      // Act
      await markStuckEvents(sqsEvent(sqsRecord('dlq-1', relayed)), lambdaContext('markStuckEvents'));
      const retried = await api.retryEvent(apiKey, 'relayed-book');
      await runQueuedEvents(accountId);

      // Assess
      expect(retried.status).toBe(202);
      expect((await api.getEvent(apiKey, 'relayed-book')).body).toMatchObject({ status: 'SUCCESS', hops: 1 });
    });

    it('leaves an event that ran meanwhile as it is', async () => {
      // Prepare
      const { accountId, apiKey, eventId, queued } = await accountWithPendingBook('stuck-ran');
      await runQueuedEvents(accountId);

      // Act
      const reply = await markStuckEvents(sqsEvent(sqsRecord('dlq-1', queued)), lambdaContext('markStuckEvents'));

      // Assess
      expect(reply).toEqual({ batchItemFailures: [] });
      expect((await api.getEvent(apiKey, eventId)).body).toMatchObject({ status: 'SUCCESS' });
      expect((await api.listEvents(apiKey, { status: 'STUCK' })).body.items).toEqual([]);
    });
  });
});
