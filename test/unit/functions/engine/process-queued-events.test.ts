import { handler } from '../../../../functions/engine/process-queued-events';
import { runEvent } from '../../../../shared/domain/orchestration/run-event';
import type { OrdoEvent } from '../../../../shared/engine/engine-model';
import { logger } from '../../../../shared/runtime/logger';
import type { QueuedEvent } from '../../../../shared/ports/event-queue';
import { orderEvent, orderFlow } from '../../domain/orchestration/fixtures';
import { lambdaContext } from '../../../support/lambda';
import { InMemoryAccounts } from '../../../support/orchestration';
import { sqsEvent, sqsRecord } from '../../../support/sqs';

// The composition root binds each account to its DynamoDB table and the SQS queue; the
// handler gets in-memory orchestrations instead. serverless-offline ignores batchItemFailures,
// so these tests are what shows the partial-batch behaviour.
let accounts = new InMemoryAccounts([orderFlow()]);
const processQueuedEvents = handler.with({ context: () => ({ orchestrationOf: (accountId: string) => accounts.orchestrationFor(accountId) }) });

const queued = (event: OrdoEvent, accountId = 'acme'): QueuedEvent => ({ accountId, event });

/** The status of an order in an account, as committed. */
const statusOf = (ref: string, accountId = 'acme') => accounts.account(accountId).store.getEntity('R1', 'ORDER', ref)?.status;

describe('the process-queued-events handler', () => {
  beforeEach(async () => {
    accounts = new InMemoryAccounts([orderFlow()]);
    for (const ref of ['O-1', 'O-2', 'O-3']) await runEvent(orderEvent('CREATE', { entityRef: ref }), accounts.account('acme'));
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('reports no failure when every record of the batch succeeds', async () => {
    // Prepare
    const batch = sqsEvent(
      sqsRecord('msg-1', queued(orderEvent('CONFIRM', { entityRef: 'O-1' }))),
      sqsRecord('msg-2', queued(orderEvent('CONFIRM', { entityRef: 'O-2' }))),
    );

    // Act
    const response = await processQueuedEvents(batch, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect([statusOf('O-1'), statusOf('O-2')]).toEqual(['CONFIRMED', 'CONFIRMED']);
  });

  it('reports only the record whose event FAILED, and processes the others', async () => {
    // Prepare
    const batch = sqsEvent(
      sqsRecord('msg-1', queued(orderEvent('CONFIRM', { entityRef: 'O-1' }))),
      sqsRecord('msg-2', queued(orderEvent('BREAK', { entityRef: 'O-2' }))),
      sqsRecord('msg-3', queued(orderEvent('CONFIRM', { entityRef: 'O-3' }))),
    );

    // Act
    const response = await processQueuedEvents(batch, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-2' }] });
    expect([statusOf('O-1'), statusOf('O-2'), statusOf('O-3')]).toEqual(['CONFIRMED', 'BOOKED', 'CONFIRMED']);
  });

  it('reports no record whose event FAILED for a reason no redelivery fixes, and keeps its FAILED record', async () => {
    // Prepare
    const relayedTooOften = orderEvent('CONFIRM', { entityRef: 'O-1', source: 'QUEUE', hops: 1_000 });

    // Act
    const response = await processQueuedEvents(sqsEvent(sqsRecord('msg-1', queued(relayedTooOften))), lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(await accounts.account('acme').store.getEvent('R1', relayedTooOften.id)).toMatchObject({ outcome: 'FAILED', error: { code: 'HOP_LIMIT' } });
    expect(statusOf('O-1')).toBe('BOOKED');
  });

  it('keeps the FAILED record of the event it reports, for the retry', async () => {
    // Prepare
    const broken = orderEvent('BREAK', { entityRef: 'O-2' });

    // Act
    await processQueuedEvents(sqsEvent(sqsRecord('msg-1', queued(broken)), sqsRecord('msg-2', queued(orderEvent('CONFIRM')))), lambdaContext());

    // Assess
    expect(await accounts.account('acme').store.getEvent('R1', broken.id)).toMatchObject({ outcome: 'FAILED', attempts: 1 });
  });

  it('also reports a later record of the message group of a failure, without running it', async () => {
    // Prepare
    const skipped = orderEvent('CONFIRM', { entityRef: 'O-1' });
    const batch = sqsEvent(
      sqsRecord('msg-1', queued(orderEvent('BREAK', { entityRef: 'O-1' }))),
      sqsRecord('msg-2', queued(skipped)),
      sqsRecord('msg-3', queued(orderEvent('CONFIRM', { entityRef: 'O-2' }))),
    );

    // Act
    const response = await processQueuedEvents(batch, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-1' }, { itemIdentifier: 'msg-2' }] });
    expect(statusOf('O-1')).toBe('BOOKED');
    expect(await accounts.account('acme').store.getEvent('R1', skipped.id)).toBeUndefined();
  });

  it('processes a record of another message group after a failure', async () => {
    // Prepare
    const batch = sqsEvent(
      sqsRecord('msg-1', queued(orderEvent('BREAK', { entityRef: 'O-1' }))),
      sqsRecord('msg-2', queued(orderEvent('CONFIRM', { entityRef: 'O-1' }))),
      sqsRecord('msg-3', queued(orderEvent('CONFIRM', { entityRef: 'O-2' }))),
    );

    // Act
    await processQueuedEvents(batch, lambdaContext());

    // Assess
    expect(statusOf('O-2')).toBe('CONFIRMED');
  });

  it('reports a record whose body is not a valid message, and processes the others', async () => {
    // Prepare
    const batch = sqsEvent(
      sqsRecord('msg-1', JSON.stringify({ accountId: '../globex', event: orderEvent('CONFIRM', { entityRef: 'O-1' }) })),
      sqsRecord('msg-2', queued(orderEvent('CONFIRM', { entityRef: 'O-2' }))),
    );

    // Act
    const response = await processQueuedEvents(batch, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-1' }] });
    expect(accounts.requested).toEqual(['acme']);
    expect(statusOf('O-2')).toBe('CONFIRMED');
  });

  it('runs each record for the account its message names', async () => {
    // Prepare
    const acme = orderEvent('CONFIRM', { entityRef: 'O-1' });
    const globex = orderEvent('CREATE', { entityRef: 'G-1' });

    // Act
    await processQueuedEvents(sqsEvent(sqsRecord('msg-1', queued(acme)), sqsRecord('msg-2', queued(globex, 'globex'))), lambdaContext());

    // Assess
    expect(accounts.requested).toEqual(['acme', 'globex']);
    expect(statusOf('G-1', 'globex')).toBe('BOOKED');
    expect(statusOf('G-1')).toBeUndefined();
    expect(await accounts.account('globex').store.getEvent('R1', acme.id)).toBeUndefined();
  });

  it('treats a redelivered event as done, so the queue deletes it', async () => {
    // Prepare
    const event = orderEvent('CONFIRM', { entityRef: 'O-1' });
    await processQueuedEvents(sqsEvent(sqsRecord('msg-1', queued(event))), lambdaContext());

    // Act
    const response = await processQueuedEvents(sqsEvent(sqsRecord('msg-1-again', queued(event))), lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(accounts.account('acme').eventRecords.duplicates.map(({ eventId }) => eventId)).toEqual([event.id]);
  });

  it('enqueues the event a record sends to another root, for the same account', async () => {
    // Act
    await processQueuedEvents(sqsEvent(sqsRecord('msg-1', queued(orderEvent('RESERVE', { entityRef: 'O-1' })))), lambdaContext());

    // Assess
    expect(accounts.queue.sent.map(({ message }) => [message.accountId, message.event.entityType, message.event.name])).toEqual([
      ['acme', 'LOCATION', 'RESERVE_STOCK'],
    ]);
  });
});
