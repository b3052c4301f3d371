import type { AttributeValue } from 'aws-lambda';
import { entityItem, eventPartition, outboxItem } from '../../../../shared/adapters/dynamodb/engine-items';
import { batchSortKey, jobPartition, packErrors } from '../../../../shared/adapters/dynamodb/job-items';
import { accountChangeOf, accountChangesOf, tableOfStream } from '../../../../shared/adapters/dynamodb/stream-changes';
import type { Batch } from '../../../../shared/domain/jobs/batch';
import type { EventRecord, OutboxRecord } from '../../../../shared/engine/engine-model';
import { anOrderEntity } from '../../../support/order-builder';
import { aBatch } from '../../../support/account-changes';
import { insertOf, modifyOf, removeOf, streamArnOf, streamRecord } from '../../../support/stream-records';

const OWNER = { retailerId: 'r1', eventId: 'evt-1' };
const EXPIRES_AT = 1_748_772_000;

const publish: OutboxRecord = {
  id: 'out-1',
  kind: 'PUBLISH',
  eventId: 'evt-1',
  createdOn: '2025-03-14T09:26:50.000Z',
  payload: { retailerId: 'r1', detailType: 'OrderBooked', detail: { note: 'x' } },
};

const eventRecord = (overrides: Partial<EventRecord> = {}): EventRecord => ({
  event: { id: 'evt-1', name: 'BOOK', retailerId: 'r1', entityType: 'ORDER', entityRef: 'O-1', source: 'API' },
  outcome: 'PENDING',
  receivedOn: '2025-03-14T09:26:50.000Z',
  rootEntityType: 'ORDER',
  rootRef: 'O-1',
  attempts: 0,
  ...overrides,
});

/** The event record's item as the engine store's update leaves it. */
const eventItem = (record: EventRecord) => ({
  PK: eventPartition(record.event.retailerId, record.event.id),
  SK: 'EVENT',
  GSI1PK: `EVENTS#ROOT#${record.rootRef}`,
  GSI1SK: `${record.receivedOn}#${record.event.id}`,
  expiresAt: EXPIRES_AT,
  ...record,
});

const batch: Batch = aBatch({
  chunkCount: 1,
  rejected: [{ index: 2, skuRef: 'SKU-1', locationRef: 'NOWHERE', code: 'UNKNOWN_LOCATION', message: 'no such location' }],
});

/** The batch's item as the job store writes it: its rejected records gzipped into binary. */
const batchItem = ({ rejected, ...fields }: Batch) => ({
  PK: jobPartition(batch.jobId),
  SK: batchSortKey(batch.batchId),
  ...fields,
  ...packErrors(rejected),
  expiresAt: EXPIRES_AT,
});

describe('accountChangeOf', () => {
  it('reads an inserted outbox record with the event that wrote it', () => {
    // Prepare
    const record = insertOf(outboxItem(OWNER, publish, EXPIRES_AT), { eventID: 'stream-evt-1' });

    // Act
    const change = accountChangeOf(record);

    // Assess
    expect(change).toEqual({ changeId: 'stream-evt-1', at: '2025-03-14T09:26:53.000Z', kind: 'OUTBOX', owner: OWNER, record: publish });
  });

  it("decodes a retailer id that had to be encoded in the outbox record's partition", () => {
    // Prepare
    const owner = { retailerId: 'shop#2 uk', eventId: 'evt#9' };

    // Act
    const change = accountChangeOf(insertOf(outboxItem(owner, publish, EXPIRES_AT)));

    // Assess
    expect(change).toMatchObject({ kind: 'OUTBOX', owner });
  });

  it('ignores an outbox record rewritten in place, since only the committed write is relayed', () => {
    // Prepare
    const item = outboxItem(OWNER, publish, EXPIRES_AT);

    // Act
    const change = accountChangeOf(modifyOf(item, { ...item, expiresAt: EXPIRES_AT + 1 }));

    // Assess
    expect(change).toBeUndefined();
  });

  it('ignores the removal of an outbox record, whether by the relay or by its time to live', () => {
    // Act
    const change = accountChangeOf(removeOf(outboxItem(OWNER, publish, EXPIRES_AT)));

    // Assess
    expect(change).toBeUndefined();
  });

  it('reads a new entity with no before', () => {
    // Prepare
    const order = anOrderEntity('O-1', { retailerId: 'r1' });

    // Act
    const change = accountChangeOf(insertOf(entityItem(order)));

    // Assess
    expect(change).toEqual({ changeId: expect.any(String), at: '2025-03-14T09:26:53.000Z', kind: 'ENTITY', after: order });
  });

  it('reads a changed entity with the entity as it was before', () => {
    // Prepare
    const created = anOrderEntity('O-1', { retailerId: 'r1', reservations: [{ skuRef: 'SKU-1', locationRef: 'WH-1', qty: 2 }] });
    const booked = { ...created, status: 'BOOKED', version: 2, updatedOn: '2025-03-14T09:26:52.000Z' };

    // Act
    const change = accountChangeOf(modifyOf(entityItem(created), entityItem(booked)));

    // Assess
    expect(change).toMatchObject({ kind: 'ENTITY', before: created, after: booked });
  });

  it('reads the status moves the commit kept with the entity, and never takes them for part of the entity', () => {
    // Prepare
    const order = anOrderEntity('O-1', { retailerId: 'r1', status: 'ALLOCATED' });
    const moves = [
      { from: 'CREATED', to: 'BOOKED' },
      { from: 'BOOKED', to: 'ALLOCATED' },
    ];

    // Act
    const change = accountChangeOf(insertOf({ ...entityItem(order), statusChanges: moves }));

    // Assess
    expect(change).toEqual({ changeId: expect.any(String), at: '2025-03-14T09:26:53.000Z', kind: 'ENTITY', after: order, statusChanges: moves });
  });

  it('reads an event record and what it was before', () => {
    // Prepare
    const pending = eventRecord();
    const failed = eventRecord({ outcome: 'FAILED', attempts: 1, processedOn: '2025-03-14T09:26:52.000Z', error: { code: 'RULE_FAILED', message: 'boom' } });

    // Act
    const change = accountChangeOf(modifyOf(eventItem(pending), eventItem(failed)));

    // Assess
    expect(change).toMatchObject({ kind: 'EVENT', before: pending, after: failed });
  });

  it('reads a batch with its rejected records unpacked from binary', () => {
    // Act
    const change = accountChangeOf(insertOf(batchItem(batch)));

    // Assess
    expect(change).toMatchObject({ kind: 'BATCH', after: batch });
    expect(change).not.toHaveProperty('before');
  });

  it('reads a chunk result with the job and batch its keys name, the write that may complete the batch', () => {
    // Prepare
    const result = { chunk: 1, applied: 3, unchanged: 0, failed: 0, completedOn: '2025-03-14T09:27:00.000Z' };

    // Act
    const change = accountChangeOf(insertOf({ PK: 'JOB#job-1', SK: 'BATCH#batch-1#CHUNK#000001', ...result }));

    // Assess
    expect(change).toMatchObject({ kind: 'BATCH_CHUNK', jobId: 'job-1', batchId: 'batch-1', result: { ...result, errors: [] } });
  });

  it.each([
    ['a job', { PK: 'JOB#job-1', SK: 'JOB', name: 'nightly' }],
    ['an audit record', { PK: 'EVENT#r1#evt-1', SK: 'AUDIT#2025-03-14T09:26:50.000Z#000001', kind: 'OUTCOME' }],
    ['a claim of an event id', { PK: 'EVENTID#evt-1', SK: 'r1', retailerId: 'r1' }],
    ['a stock count', { PK: 'SKU#SKU-1', SK: 'LOC#WH-1', onHand: 4 }],
    ['a scheduled event', { PK: 'SCHEDULED', SK: '2025-03-15T00:00:00.000Z#s-1' }],
  ])('ignores %s', (_name, item) => {
    // Act
    const change = accountChangeOf(insertOf(item));

    // Assess
    expect(change).toBeUndefined();
  });

  it('leaves an item it does not relay undecoded, whatever its image holds', () => {
    // Prepare
    const record = insertOf({ PK: 'WORKFLOW#r1#ORDER#HD', SK: 'V#00000001' });
    record.dynamodb = { ...record.dynamodb, NewImage: { ...record.dynamodb?.NewImage, workflow: {} as AttributeValue } };

    // Act
    const change = () => accountChangeOf(record);

    // Assess
    expect(change).not.toThrow();
    expect(change()).toBeUndefined();
  });

  it('takes the time of the write from the stream', () => {
    // Prepare
    const record = insertOf(outboxItem(OWNER, publish, EXPIRES_AT), { at: new Date('2025-06-01T12:00:07.000Z') });

    // Act
    const change = accountChangeOf(record);

    // Assess
    expect(change?.at).toBe('2025-06-01T12:00:07.000Z');
  });
});

describe('accountChangesOf', () => {
  it('keeps the changes in stream order and leaves out what matters to nobody', () => {
    // Prepare
    const order = anOrderEntity('O-1', { retailerId: 'r1' });
    const records = [
      insertOf(entityItem(order), { eventID: 'a' }),
      insertOf({ PK: 'SKU#SKU-1', SK: 'LOC#WH-1', onHand: 4 }, { eventID: 'b' }),
      insertOf(outboxItem(OWNER, publish, EXPIRES_AT), { eventID: 'c' }),
      streamRecord('REMOVE', { oldItem: entityItem(order) }, { eventID: 'd' }),
      insertOf(eventItem(eventRecord()), { eventID: 'e' }),
    ];

    // Act
    const changes = accountChangesOf(records);

    // Assess
    expect(changes.map((change) => [change.changeId, change.kind])).toEqual([
      ['a', 'ENTITY'],
      ['c', 'OUTBOX'],
      ['e', 'EVENT'],
    ]);
  });
});

describe('tableOfStream', () => {
  it('names the table a stream belongs to', () => {
    // Act
    const table = tableOfStream(streamArnOf('ordo-sandbox-acct-acme'));

    // Assess
    expect(table).toBe('ordo-sandbox-acct-acme');
  });

  it("reads DynamoDB Local's stream ARNs the same way", () => {
    // Act
    const table = tableOfStream('arn:aws:dynamodb:ddblocal:000000000000:table/ordo-sandbox-acct-demo/stream/2026-12-04T20:46:29.190');

    // Assess
    expect(table).toBe('ordo-sandbox-acct-demo');
  });

  it('names no table for an ARN that is not a table stream', () => {
    // Act
    const table = tableOfStream('arn:aws:sqs:us-east-1:123456789012:ordo-sandbox-events.fifo');

    // Assess
    expect(table).toBeUndefined();
  });
});

describe('the chain of a change', () => {
  it('carries the correlation id the commit kept on the item', () => {
    // Act
    const change = accountChangeOf(insertOf({ ...outboxItem(OWNER, publish, EXPIRES_AT), correlationId: 'corr-5' }));

    // Assess
    expect(change).toMatchObject({ kind: 'OUTBOX', correlationId: 'corr-5' });
    expect(change?.kind === 'OUTBOX' && change.record).not.toHaveProperty('correlationId');
  });

  it('has none for an item written without one', () => {
    // Act
    const change = accountChangeOf(insertOf(outboxItem(OWNER, publish, EXPIRES_AT)));

    // Assess
    expect(change).not.toHaveProperty('correlationId');
  });
});
