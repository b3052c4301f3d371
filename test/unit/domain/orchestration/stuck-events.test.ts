import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { listEvents } from '../../../../shared/domain/orchestration/event-queries';
import { runQueuedMessage } from '../../../../shared/domain/orchestration/queued-event';
import { runEvent } from '../../../../shared/domain/orchestration/run-event';
import { markStuckMessage } from '../../../../shared/domain/orchestration/stuck-event-marks';
import { submitEvent } from '../../../../shared/domain/orchestration/submit-event';
import { VersionConflictError } from '../../../../shared/engine/engine-errors';
import type { OrdoEvent } from '../../../../shared/engine/engine-model';
import { inMemoryOrchestration, TEST_NOW, type TestAccount } from '../../../support/orchestration';
import { orderEvent, orderFlow } from './fixtures';

/** A throttled DynamoDB write, whose message quotes a customer's data as an SDK error may. */
const throttled = () =>
  new ProvisionedThroughputExceededException({ message: 'Throughput exceeded for item {"email": "ada@example.com"}', $metadata: {} });

const queuedBody = (event: OrdoEvent) => JSON.stringify({ accountId: 'acme', event });

const listStatus = (account: TestAccount, status: 'STUCK' | 'PENDING') => listEvents({ status, limit: 25 }, {}, account);

describe('stuck events', () => {
  let account: TestAccount;
  let counted: { accountId: string; code: string | undefined }[];
  const context = () => ({
    orchestrationOf: () => account,
    countStuck: (accountId: string, code: string | undefined) => counted.push({ accountId, code }),
  });

  beforeEach(async () => {
    account = inMemoryOrchestration('acme', { workflows: [orderFlow()] });
    counted = [];
    await runEvent(orderEvent('CREATE'), account);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('a queued event that fails on an infrastructure error', () => {
    it('keeps the error code, a message without customer data and the time on its PENDING record, and goes back to the queue', async () => {
      // Prepare
      const event = orderEvent('CONFIRM');
      await submitEvent(event, account);
      jest.spyOn(account.store, 'commit').mockRejectedValue(throttled());

      // Act
      const attempt = runQueuedMessage(queuedBody(event), context());

      // Assess
      await expect(attempt).rejects.toThrow(ProvisionedThroughputExceededException);
      const [view] = (await account.events.list({ limit: 1, rootEntityRef: 'O-1', status: 'PENDING' })).items;
      expect(view).toMatchObject({ outcome: 'PENDING', failedAttempts: 1, lastError: { code: 'ProvisionedThroughputExceededException', at: TEST_NOW.toISOString() } });
      expect(JSON.stringify(view?.lastError)).not.toContain('ada@example.com');
    });

    it('keeps the message of an error of its own, which names ids only', async () => {
      // Prepare
      const event = orderEvent('CONFIRM');
      await submitEvent(event, account);
      jest.spyOn(account.store, 'commit').mockRejectedValue(new VersionConflictError('ORDER O-1 changed during the execution'));

      // Act
      await runQueuedMessage(queuedBody(event), context()).catch(() => undefined);

      // Assess
      expect(account.stuckEvents.of('R1', event.id).lastError).toEqual({
        code: 'VERSION_CONFLICT',
        message: 'ORDER O-1 changed during the execution',
        at: TEST_NOW.toISOString(),
      });
    });

    it('counts each failed attempt', async () => {
      // Prepare
      const event = orderEvent('CONFIRM');
      await submitEvent(event, account);
      jest.spyOn(account.store, 'commit').mockRejectedValue(throttled());

      // Act
      for (let attempt = 0; attempt < 3; attempt += 1) await runQueuedMessage(queuedBody(event), context()).catch(() => undefined);

      // Assess
      expect(account.stuckEvents.of('R1', event.id).failedAttempts).toBe(3);
    });

    it('makes a PENDING record for a relayed event that had none, so it can be listed and re-driven', async () => {
      // Prepare
      const relayed = orderEvent('CONFIRM', { source: 'QUEUE', hops: 1 });
      jest.spyOn(account.store, 'commit').mockRejectedValue(throttled());

      // Act
      await runQueuedMessage(queuedBody(relayed), context()).catch(() => undefined);

      // Assess
      expect(await account.store.getEvent('R1', relayed.id)).toMatchObject({ outcome: 'PENDING', event: relayed });
    });

    it('still sends the original error back to the queue when the failure cannot be written, and reports the write', async () => {
      // Prepare
      const event = orderEvent('CONFIRM');
      await submitEvent(event, account);
      jest.spyOn(account.store, 'commit').mockRejectedValue(throttled());
      account.stuckEvents.failure = new Error('DynamoDB is down');
      const notKept: unknown[] = [];

      // Act
      const attempt = runQueuedMessage(queuedBody(event), { ...context(), onFailureNotKept: (error: unknown) => notKept.push(error) });

      // Assess
      await expect(attempt).rejects.toThrow(ProvisionedThroughputExceededException);
      expect(notKept).toEqual([account.stuckEvents.failure]);
    });

    it('keeps nothing for an event that FAILED on a rule: its record already says why', async () => {
      // Prepare
      const broken = orderEvent('BREAK');

      // Act
      await runQueuedMessage(queuedBody(broken), context()).catch(() => undefined);

      // Assess
      expect(account.stuckEvents.of('R1', broken.id)).toEqual({});
      expect(await account.store.getEvent('R1', broken.id)).toMatchObject({ outcome: 'FAILED', error: { code: 'RULE_FAILED' } });
    });
  });

  describe('listing with status STUCK', () => {
    it('lists an event PENDING longer than the threshold as STUCK since the threshold passed', async () => {
      // Prepare
      const event = orderEvent('CONFIRM');
      await submitEvent(event, account);
      account.clock.advance(16 * 60_000);

      // Act
      const { items } = await listStatus(account, 'STUCK');

      // Assess
      expect(items.map(({ eventId, status, stuck, stuckSince }) => ({ eventId, status, stuck, stuckSince }))).toEqual([
        { eventId: event.id, status: 'PENDING', stuck: true, stuckSince: new Date(TEST_NOW.getTime() + 15 * 60_000).toISOString() },
      ]);
    });

    it('lists no event PENDING for less than the threshold, which PENDING lists instead', async () => {
      // Prepare
      const event = orderEvent('CONFIRM');
      await submitEvent(event, account);
      account.clock.advance(14 * 60_000);

      // Act
      const [stuck, pending] = [await listStatus(account, 'STUCK'), await listStatus(account, 'PENDING')];

      // Assess
      expect(stuck.items).toEqual([]);
      expect(pending.items.map(({ eventId, status }) => ({ eventId, status }))).toEqual([{ eventId: event.id, status: 'PENDING' }]);
    });

    it('lists an event the DLQ marked at once, with its last error', async () => {
      // Prepare
      const event = orderEvent('CONFIRM');
      await submitEvent(event, account);
      jest.spyOn(account.store, 'commit').mockRejectedValue(throttled());
      await runQueuedMessage(queuedBody(event), context()).catch(() => undefined);
      await markStuckMessage(queuedBody(event), context());

      // Act
      const { items } = await listStatus(account, 'STUCK');

      // Assess
      expect(items).toEqual([
        expect.objectContaining({
          eventId: event.id,
          status: 'PENDING',
          stuck: true,
          stuckSince: TEST_NOW.toISOString(),
          lastError: expect.objectContaining({ code: 'ProvisionedThroughputExceededException' }),
        }),
      ]);
    });
  });

  describe('the mark of an event that reached the DLQ', () => {
    it('marks the PENDING event and counts it once, with its last error code', async () => {
      // Prepare
      const event = orderEvent('CONFIRM');
      await submitEvent(event, account);
      await account.stuckEvents.recordFailure(event, { code: 'TRANSACTION_TOO_LARGE', message: 'too many writes', at: TEST_NOW.toISOString() });

      // Act
      const marked = await markStuckMessage(queuedBody(event), context());

      // Assess
      expect(marked).toEqual({ accountId: 'acme', eventId: event.id, marked: true, lastErrorCode: 'TRANSACTION_TOO_LARGE' });
      expect(counted).toEqual([{ accountId: 'acme', code: 'TRANSACTION_TOO_LARGE' }]);
    });

    it('leaves an event that has run meanwhile as it is, and counts nothing', async () => {
      // Prepare
      const event = orderEvent('CONFIRM');
      await runEvent(event, account);

      // Act
      const marked = await markStuckMessage(queuedBody(event), context());

      // Assess
      expect(marked.marked).toBe(false);
      expect(counted).toEqual([]);
      expect((await listStatus(account, 'STUCK')).items).toEqual([]);
    });

    it('refuses a message that is not a queued event, so it stays in the DLQ', async () => {
      // Act
      const attempt = markStuckMessage('{"not":"an event"}', context());

      // Assess
      await expect(attempt).rejects.toThrow();
      expect(counted).toEqual([]);
    });
  });
});
