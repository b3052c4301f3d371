import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoEngineStore } from '../../shared/adapters/dynamodb/dynamo-engine-store';
import { DynamoEventLog } from '../../shared/adapters/dynamodb/dynamo-event-log';
import { accountTableSchema } from '../../shared/adapters/dynamodb/table-schemas';
import { DuplicateEventError, VersionConflictError } from '../../shared/engine/engine-errors';
import type { AuditRecord, Entity, EntityChange, EventRecord, UnitOfWork } from '../../shared/engine/engine-model';
import { localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';
import { anOrderEntity } from '../support/order-builder';

// DynamoEngineStore.commit's conditions, refused or let through by DynamoDB Local itself.
const TABLE = `ordo-sandbox-acct-commit-${process.pid}-${Date.now()}`;
const RETAILER = 'R1';
const FIRST_AT = '2025-03-01T10:00:00.000Z';
const LATER_AT = '2025-03-01T10:05:00.000Z';

const raw = localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '');
const documents = createDocumentClient(raw);
const store = new DynamoEngineStore(documents, TABLE, 30);
const eventLog = new DynamoEventLog(documents, TABLE);

const order = (ref: string, version: number, status = 'CREATED'): Entity =>
  anOrderEntity(ref, { retailerId: RETAILER, version, status, createdOn: FIRST_AT, updatedOn: FIRST_AT });

const eventOn = (ref: string, eventId: string, overrides: Partial<EventRecord> = {}): EventRecord => ({
  event: { id: eventId, name: 'CREATE', retailerId: RETAILER, entityType: 'ORDER', entityRef: ref, source: 'API' },
  outcome: 'SUCCESS',
  receivedOn: FIRST_AT,
  processedOn: FIRST_AT,
  rootEntityType: 'ORDER',
  rootRef: ref,
  attempts: 1,
  ...overrides,
});

const trailOf = (record: EventRecord): AuditRecord[] =>
  (['EVENT_RECEIVED', 'OUTCOME'] as const).map((kind, index) => ({
    eventId: record.event.id,
    seq: index + 1,
    at: record.receivedOn,
    kind,
    entityType: 'ORDER',
    entityRef: record.rootRef,
    rootEntityType: 'ORDER',
    rootRef: record.rootRef,
  }));

const commitOf = (event: EventRecord, entities: EntityChange[]): UnitOfWork => ({
  event,
  entities,
  inventory: [],
  audit: trailOf(event),
  outbox: [],
  scheduled: [],
  markProcessed: event.outcome !== 'FAILED',
});

/** A new order O-… at version 1, committed by its CREATE. */
const createdOrder = async () => {
  const ref = `O-${randomUUID().slice(0, 8)}`;
  await store.commit(commitOf(eventOn(ref, randomUUID()), [{ entity: order(ref, 1), expectedVersion: null }]));
  return ref;
};

const storedOrder = async (ref: string) =>
  (await documents.send(new GetCommand({ TableName: TABLE, Key: { PK: `ROOT#${RETAILER}#ORDER#${ref}`, SK: `ENTITY#ORDER#${ref}` }, ConsistentRead: true })))
    .Item;

beforeAll(async () => {
  await raw.send(new CreateTableCommand(accountTableSchema(TABLE)));
});

afterAll(async () => {
  await raw.send(new DeleteTableCommand({ TableName: TABLE }));
  raw.destroy();
});

describe('DynamoEngineStore.commit on DynamoDB Local', () => {
  it('refuses to create an entity whose key is taken with a VersionConflictError, leaving the stored one as it was', async () => {
    // Prepare
    const ref = await createdOrder();

    // Act
    const attempt = store.commit(commitOf(eventOn(ref, randomUUID()), [{ entity: order(ref, 1, 'BOOKED'), expectedVersion: null }]));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    expect(await storedOrder(ref)).toMatchObject({ status: 'CREATED', version: 1 });
  });

  it('refuses a change made on a version that is no longer the stored one with a VersionConflictError, writing nothing', async () => {
    // Prepare
    const ref = await createdOrder();
    await store.commit(commitOf(eventOn(ref, randomUUID()), [{ entity: order(ref, 2, 'BOOKED'), expectedVersion: 1 }]));
    const staleEvent = randomUUID();

    // Act
    const attempt = store.commit(commitOf(eventOn(ref, staleEvent), [{ entity: order(ref, 2, 'CANCELLED'), expectedVersion: 1 }]));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    expect(await storedOrder(ref)).toMatchObject({ status: 'BOOKED', version: 2 });
    expect(await eventLog.get(RETAILER, staleEvent)).toBeUndefined();
  });

  it('applies a change made on the stored version', async () => {
    // Prepare
    const ref = await createdOrder();

    // Act
    await store.commit(commitOf(eventOn(ref, randomUUID()), [{ entity: order(ref, 2, 'BOOKED'), expectedVersion: 1 }]));

    // Assess
    expect(await storedOrder(ref)).toMatchObject({ status: 'BOOKED', version: 2 });
  });

  it('refuses a second commit of an event that already succeeded with a DuplicateEventError, changing nothing', async () => {
    // Prepare
    const ref = await createdOrder();
    const eventId = randomUUID();
    await store.commit(commitOf(eventOn(ref, eventId), [{ entity: order(ref, 2, 'BOOKED'), expectedVersion: 1 }]));

    // Act
    const attempt = store.commit(commitOf(eventOn(ref, eventId), [{ entity: order(ref, 3, 'CANCELLED'), expectedVersion: 2 }]));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(DuplicateEventError);
    expect(await storedOrder(ref)).toMatchObject({ status: 'BOOKED', version: 2 });
  });

  it('commits the retry of a FAILED event, adding up its attempts and keeping the time it was first received', async () => {
    // Prepare
    const ref = await createdOrder();
    const eventId = randomUUID();
    await store.commit(commitOf(eventOn(ref, eventId, { outcome: 'FAILED' }), []));

    // Act
    await store.commit(
      commitOf(eventOn(ref, eventId, { receivedOn: LATER_AT, processedOn: LATER_AT }), [{ entity: order(ref, 2, 'BOOKED'), expectedVersion: 1 }]),
    );

    // Assess
    expect(await storedOrder(ref)).toMatchObject({ status: 'BOOKED', version: 2 });
    expect((await eventLog.get(RETAILER, eventId))?.event).toMatchObject({ outcome: 'SUCCESS', attempts: 2, receivedOn: FIRST_AT });
  });
});
