import { ZodError } from 'zod';
import { eventRecordKey } from '../../../../shared/engine/in-memory-store';
import { EventFailedError, FINAL_FAILURE_CODES, needsRedelivery, parseQueuedEvent, processQueuedEvent } from '../../../../shared/domain/orchestration/queued-event';
import { runEvent } from '../../../../shared/domain/orchestration/run-event';
import { submitEvent } from '../../../../shared/domain/orchestration/submit-event';
import { inMemoryOrchestration, type TestAccount } from '../../../support/orchestration';
import { orderEvent, orderFlow } from './fixtures';

/** The issues a parse threw, as paths; fails the test when it did not throw a ZodError. */
const issuePaths = (parse: () => unknown): string[] => {
  try {
    parse();
  } catch (error) {
    if (error instanceof ZodError) return error.issues.map((issue) => issue.path.join('.'));
    throw error;
  }
  throw new Error('expected the parse to throw');
};

describe('processQueuedEvent', () => {
  let account: TestAccount;

  beforeEach(async () => {
    account = inMemoryOrchestration('acme', { workflows: [orderFlow()] });
    await runEvent(orderEvent('CREATE'), account);
  });

  it('returns an event that FAILED as one to deliver again', async () => {
    // Prepare
    const event = orderEvent('BREAK');

    // Act
    const result = await processQueuedEvent({ accountId: 'acme', event }, account);

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'RULE_FAILED', message: 'the carrier is down' } });
    expect(needsRedelivery(result)).toBe(true);
  });

  it('keeps the FAILED record of an event, so it can be retried', async () => {
    // Prepare
    const event = orderEvent('BREAK');

    // Act
    await processQueuedEvent({ accountId: 'acme', event }, account);

    // Assess
    expect(await account.store.getEvent('R1', event.id)).toMatchObject({ outcome: 'FAILED', attempts: 1 });
  });

  it('returns a HOP_LIMIT failure as final, since no redelivery could make it run', async () => {
    // Prepare
    const limited = inMemoryOrchestration('acme', { workflows: [orderFlow()], hopLimit: 2 });
    await runEvent(orderEvent('CREATE'), limited);
    const event = orderEvent('CONFIRM', { source: 'QUEUE', hops: 3 });

    // Act
    const result = await processQueuedEvent({ accountId: 'acme', event }, limited);

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'HOP_LIMIT' } });
    expect(needsRedelivery(result)).toBe(false);
    expect(limited.store.events.get(eventRecordKey(event.retailerId, event.id))).toMatchObject({ outcome: 'FAILED', error: { code: 'HOP_LIMIT' } });
    expect(limited.queue.sent).toEqual([]);
  });

  it('returns the result of an event that succeeds', async () => {
    // Act
    const result = await processQueuedEvent({ accountId: 'acme', event: orderEvent('CONFIRM') }, account);

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(result.entity).toMatchObject({ ref: 'O-1', status: 'CONFIRMED' });
  });

  it('returns a DUPLICATE without throwing, so the queue drops the redelivery', async () => {
    // Prepare
    const event = orderEvent('CONFIRM');
    await processQueuedEvent({ accountId: 'acme', event }, account);

    // Act
    const result = await processQueuedEvent({ accountId: 'acme', event }, account);

    // Assess
    expect(result.outcome).toBe('DUPLICATE');
  });

  it('runs an event that names no source as a QUEUE event', async () => {
    // Prepare
    const { source: _source, ...event } = orderEvent('CONFIRM');

    // Act
    await processQueuedEvent({ accountId: 'acme', event }, account);

    // Assess
    expect((await account.store.getEvent('R1', event.id))?.event.source).toBe('QUEUE');
  });

  it('keeps the source an event names', async () => {
    // Prepare
    const event = orderEvent('CONFIRM', { source: 'BUS' });

    // Act
    await processQueuedEvent({ accountId: 'acme', event }, account);

    // Assess
    expect((await account.store.getEvent('R1', event.id))?.event.source).toBe('BUS');
  });
});

describe('needsRedelivery', () => {
  it.each(['SUCCESS', 'NO_MATCH', 'SCHEDULED', 'DUPLICATE'])('delivers no %s run again', (outcome) => {
    // Act
    const again = needsRedelivery({ outcome });

    // Assess
    expect(again).toBe(false);
  });

  it.each(['RULE_FAILED', 'LOOP_GUARD', 'CARRIER_DOWN'])('delivers a run that FAILED with %s again', (code) => {
    // Act
    const again = needsRedelivery({ outcome: 'FAILED', error: { code } });

    // Assess
    expect(again).toBe(true);
  });

  it.each([...FINAL_FAILURE_CODES])('delivers no run that FAILED with the final code %s again', (code) => {
    // Act
    const again = needsRedelivery({ outcome: 'FAILED', error: { code } });

    // Assess
    expect(again).toBe(false);
  });
});

describe('EventFailedError', () => {
  it('names the event and why it failed under the code EVENT_FAILED', () => {
    // Act
    const error = new EventFailedError('evt-9', 'the carrier is down');

    // Assess
    expect(error).toMatchObject({ code: 'EVENT_FAILED', message: 'Event evt-9 FAILED: the carrier is down' });
  });
});

describe('parseQueuedEvent', () => {
  const body = (message: Record<string, unknown>): string => JSON.stringify(message);
  const event = { id: 'evt-q-1', name: 'CONFIRM', retailerId: 'R1', entityType: 'ORDER', entityRef: 'O-1' };

  it('reads back a message that submitEvent enqueued', async () => {
    // Prepare
    const account = inMemoryOrchestration('acme');
    await submitEvent(orderEvent('CREATE', { scheduledOn: '2025-03-15T10:00:00.000Z', attributes: { total: 12 } }), account);
    const sent = account.queue.sent[0]?.message;

    // Act
    const message = parseQueuedEvent(JSON.stringify(sent));

    // Assess
    expect(message).toEqual(sent);
  });

  it.each(['Not An Account!', '../globex', 'ab', ''])('rejects a message whose accountId is %j, naming accountId', (accountId) => {
    // Act
    const paths = issuePaths(() => parseQueuedEvent(body({ accountId, event })));

    // Assess
    expect(paths).toEqual(['accountId']);
  });

  it('rejects a message without an accountId', () => {
    // Act
    const paths = issuePaths(() => parseQueuedEvent(body({ event })));

    // Assess
    expect(paths).toEqual(['accountId']);
  });

  it('rejects a message whose event has no id, naming event.id', () => {
    // Prepare
    const { id: _id, ...withoutId } = event;

    // Act
    const paths = issuePaths(() => parseQueuedEvent(body({ accountId: 'acme', event: withoutId })));

    // Assess
    expect(paths).toEqual(['event.id']);
  });

  it('reads back the hop count of a relayed event', () => {
    // Act
    const message = parseQueuedEvent(body({ accountId: 'acme', event: { ...event, source: 'QUEUE', hops: 4 } }));

    // Assess
    expect(message.event.hops).toBe(4);
  });

  it.each([-1, 1.5, '2'])('rejects a message whose hop count is %j, naming event.hops', (hops) => {
    // Act
    const paths = issuePaths(() => parseQueuedEvent(body({ accountId: 'acme', event: { ...event, hops } })));

    // Assess
    expect(paths).toEqual(['event.hops']);
  });

  it('rejects a message whose event has an unknown source', () => {
    // Act
    const paths = issuePaths(() => parseQueuedEvent(body({ accountId: 'acme', event: { ...event, source: 'EMAIL' } })));

    // Assess
    expect(paths).toEqual(['event.source']);
  });

  it('rejects a body that is not JSON', () => {
    // Act
    const parse = () => parseQueuedEvent('{"accountId": "acme", ');

    // Assess
    expect(parse).toThrow(SyntaxError);
  });
});
