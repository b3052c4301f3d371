import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException, CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoEngineStore } from '../../shared/adapters/dynamodb/dynamo-engine-store';
import { DynamoEntityIndex } from '../../shared/adapters/dynamodb/dynamo-entity-index';
import { DynamoEventLog } from '../../shared/adapters/dynamodb/dynamo-event-log';
import { DynamoJobStore } from '../../shared/adapters/dynamodb/dynamo-job-store';
import { DynamoLocationStore } from '../../shared/adapters/dynamodb/dynamo-location-store';
import { DynamoOutbox } from '../../shared/adapters/dynamodb/outbox';
import { EVENT_SORT_KEY, eventPartition, outboxKey } from '../../shared/adapters/dynamodb/engine-items';
import { TTL_ATTRIBUTE, accountTableSchema } from '../../shared/adapters/dynamodb/table-schemas';
import type { ChunkResult } from '../../shared/domain/jobs/batch';
import type { Job } from '../../shared/domain/jobs/job';
import type { Location } from '../../shared/domain/locations/location';
import type { Entity, EventRecord, OutboxRecord } from '../../shared/engine/engine-model';
import { localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';
import { anOrderEntity } from '../support/order-builder';

// What the account-table adapters read back, and which writes DynamoDB Local itself refuses.
const TABLE = `ordo-sandbox-acct-reads-${process.pid}-${Date.now()}`;
const AT = '2025-03-01T10:00:00.000Z';

const raw = localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '');
const documents = createDocumentClient(raw);
const engineStore = new DynamoEngineStore(documents, TABLE, 30);

const order = (retailerId: string, ref: string): Entity =>
  anOrderEntity(ref, { retailerId, id: `id-${retailerId}-${ref}`, createdOn: AT, updatedOn: AT });

const outboxRecord = (eventId: string): OutboxRecord => ({
  id: randomUUID(),
  kind: 'PUBLISH',
  eventId,
  createdOn: AT,
  payload: { detailType: 'OrderCreated' },
});

/**
 * Commits the CREATE of `ref` for `retailerId` under `eventId`, with one outbox record of that event;
 * without the order when `withOrder` is false, so the entity lists stay as they are.
 */
const created = async (retailerId: string, ref: string, eventId: string, withOrder = true) => {
  const event: EventRecord = {
    event: { id: eventId, name: 'CREATE', retailerId, entityType: 'ORDER', entityRef: ref, source: 'API' },
    outcome: 'SUCCESS',
    receivedOn: AT,
    processedOn: AT,
    rootEntityType: 'ORDER',
    rootRef: ref,
    attempts: 1,
  };
  const published = outboxRecord(eventId);
  await engineStore.commit({
    event,
    entities: withOrder ? [{ entity: order(retailerId, ref), expectedVersion: null }] : [],
    inventory: [],
    audit: [],
    outbox: [published],
    scheduled: [],
    markProcessed: true,
  });
  return published;
};

const chunkResult = (overrides: Partial<ChunkResult> = {}): ChunkResult => ({
  chunk: 1,
  applied: 2,
  unchanged: 0,
  failed: 0,
  errors: [],
  completedOn: '2025-03-14T10:01:00.000Z',
  ...overrides,
});

// Two retailers that share an order ref and an event id, which keys and ids are only unique within a retailer.
let r1Published: OutboxRecord;
let r2Published: OutboxRecord;
let r1Other: OutboxRecord;

beforeAll(async () => {
  await raw.send(new CreateTableCommand(accountTableSchema(TABLE)));
  r1Published = await created('R1', 'O-1', 'evt-shared');
  r2Published = await created('R2', 'O-1', 'evt-shared');
  r1Other = await created('R1', 'O-2', 'evt-other');
});

afterAll(async () => {
  await raw.send(new DeleteTableCommand({ TableName: TABLE }));
  raw.destroy();
});

describe('DynamoEntityIndex on DynamoDB Local', () => {
  const index = new DynamoEntityIndex(documents, TABLE);

  it("lists only the named retailer's entities", async () => {
    // Act
    const { items } = await index.list({ entityType: 'ORDER', retailerId: 'R2', limit: 10 });

    // Assess
    expect(items.map((entity) => [entity.retailerId, entity.ref])).toEqual([['R2', 'O-1']]);
  });

  it('lists the entities of every retailer when none is named', async () => {
    // Act
    const { items } = await index.list({ entityType: 'ORDER', limit: 10 });

    // Assess
    expect(items.map((entity) => `${entity.retailerId}/${entity.ref}`).sort()).toEqual(['R1/O-1', 'R1/O-2', 'R2/O-1']);
  });
});

describe('DynamoOutbox on DynamoDB Local', () => {
  const outbox = new DynamoOutbox(documents, TABLE);

  it("gives the pending records of one retailer's event, not those of another retailer's event of the same id", async () => {
    // Act
    const pending = await outbox.pending({ retailerId: 'R1', eventId: 'evt-shared' });

    // Assess
    expect(pending).toEqual([r1Published]);
  });

  it("gives the other retailer's event its own records, not those of any other event", async () => {
    // Act
    const pending = await outbox.pending({ retailerId: 'R2', eventId: 'evt-shared' });

    // Assess
    expect(pending).toEqual([r2Published]);
  });

  it('no longer gives a removed record, and still gives the records of other events', async () => {
    // Prepare
    const removed = await created('R3', 'O-1', 'evt-removed', false);
    const of = { retailerId: 'R3', eventId: 'evt-removed' };

    // Act
    await outbox.remove(of, [removed]);

    // Assess
    expect(await outbox.pending(of)).toEqual([]);
    expect(await outbox.pending({ retailerId: 'R1', eventId: 'evt-shared' })).toEqual([r1Published]);
  });

  it("leaves the event's audit trail without its outbox records, which share its partition", async () => {
    // Act
    const logged = await new DynamoEventLog(documents, TABLE).get('R1', 'evt-shared');

    // Assess
    expect(logged).toMatchObject({ event: { event: { id: 'evt-shared', retailerId: 'R1' } }, audit: [] });
  });

  it('keeps a committed record until the event record it was written with expires', async () => {
    // Prepare
    const key = { PK: eventPartition('R1', 'evt-other'), SK: EVENT_SORT_KEY };
    const { Item: eventItem } = await documents.send(new GetCommand({ TableName: TABLE, Key: key, ConsistentRead: true }));

    // Act
    const { Item: outboxStored } = await documents.send(
      new GetCommand({ TableName: TABLE, Key: outboxKey({ retailerId: 'R1', eventId: 'evt-other' }, r1Other), ConsistentRead: true }),
    );

    // Assess
    expect(eventItem?.[TTL_ATTRIBUTE]).toEqual(expect.any(Number));
    expect(outboxStored?.[TTL_ATTRIBUTE]).toBe(eventItem?.[TTL_ATTRIBUTE]);
  });
});

describe('DynamoJobStore on DynamoDB Local', () => {
  const jobs = new DynamoJobStore(documents, TABLE);

  it('refuses a second job of the same id, keeping the first', async () => {
    // Prepare
    const job: Job = { jobId: 'job-0', name: 'Nightly stock', retailerId: 'R1', createdOn: AT, closesOn: '2025-03-02T10:00:00.000Z' };
    await jobs.createJob(job);

    // Act
    const again = jobs.createJob({ ...job, name: 'Another' });

    // Assess
    await expect(again).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    expect((await jobs.getJob('job-0'))?.name).toBe('Nightly stock');
  });

  it('stores an applied result where the chunk has none', async () => {
    // Act
    const stored = await jobs.putChunkResult('job-1', 'batch-1', chunkResult({ chunk: 1 }));

    // Assess
    expect(stored).toBe(true);
    expect(await jobs.getChunkResult('job-1', 'batch-1', 1)).toMatchObject({ chunk: 1, applied: 2 });
  });

  it('keeps the first applied result of a chunk that is delivered twice', async () => {
    // Prepare
    await jobs.putChunkResult('job-1', 'batch-2', chunkResult({ chunk: 1, applied: 2 }));

    // Act
    const again = await jobs.putChunkResult('job-1', 'batch-2', chunkResult({ chunk: 1, applied: 5 }));

    // Assess
    expect(again).toBe(false);
    expect(await jobs.getChunkResult('job-1', 'batch-2', 1)).toMatchObject({ applied: 2 });
  });

  it('stores an applied result over a NOT_QUEUED one', async () => {
    // Prepare
    await jobs.putNotQueuedResult('job-1', 'batch-3', chunkResult({ chunk: 1, applied: 0, failed: 2 }));

    // Act
    const stored = await jobs.putChunkResult('job-1', 'batch-3', chunkResult({ chunk: 1, applied: 2 }));

    // Assess
    expect(stored).toBe(true);
    expect(await jobs.getChunkResult('job-1', 'batch-3', 1)).toMatchObject({ applied: 2, failed: 0 });
  });

  it('never puts a NOT_QUEUED result over a chunk that has a result', async () => {
    // Prepare
    await jobs.putChunkResult('job-1', 'batch-4', chunkResult({ chunk: 1, applied: 2 }));

    // Act
    const stored = await jobs.putNotQueuedResult('job-1', 'batch-4', chunkResult({ chunk: 1, applied: 0, failed: 2 }));

    // Assess
    expect(stored).toBe(false);
    expect(await jobs.getChunkResult('job-1', 'batch-4', 1)).toMatchObject({ applied: 2, failed: 0 });
  });
});

describe('DynamoLocationStore on DynamoDB Local', () => {
  const locations = new DynamoLocationStore(documents, TABLE);
  const store = (ref: string, overrides: Partial<Location> = {}): Location => ({
    ref,
    type: 'STORE',
    name: `Store ${ref}`,
    lat: 51.5,
    lon: -0.12,
    status: 'ACTIVE',
    updatedOn: AT,
    ...overrides,
  });

  it('replaces a location of the same ref when no owner is checked', async () => {
    // Prepare
    await locations.put(store('S-1'));

    // Act
    const written = await locations.put(store('S-1', { name: 'Renamed' }));

    // Assess
    expect(written).toBe(true);
    expect((await locations.get('S-1'))?.name).toBe('Renamed');
  });

  it("refuses a retailer's write over another retailer's location, which stays as it was", async () => {
    // Prepare
    await locations.put(store('S-2', { retailerId: 'R2' }));

    // Act
    const written = await locations.put(store('S-2', { retailerId: 'R1', name: 'Taken' }), 'R1');

    // Assess
    expect(written).toBe(false);
    expect(await locations.get('S-2')).toMatchObject({ retailerId: 'R2', name: 'Store S-2' });
  });

  it('lets a retailer create a location and then change its own', async () => {
    // Prepare
    await locations.put(store('S-3', { retailerId: 'R1' }), 'R1');

    // Act
    const written = await locations.put(store('S-3', { retailerId: 'R1', name: 'Moved' }), 'R1');

    // Assess
    expect(written).toBe(true);
    expect(await locations.get('S-3')).toMatchObject({ retailerId: 'R1', name: 'Moved' });
  });
});
