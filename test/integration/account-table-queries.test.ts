import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoEngineStore } from '../../shared/adapters/dynamodb/dynamo-engine-store';
import { DynamoEventLog } from '../../shared/adapters/dynamodb/dynamo-event-log';
import { DynamoInventoryStore } from '../../shared/adapters/dynamodb/dynamo-inventory-store';
import { DynamoRetailerClaims } from '../../shared/adapters/dynamodb/dynamo-retailer-claims';
import { queryAll } from '../../shared/adapters/dynamodb/query-all';
import { accountTableSchema } from '../../shared/adapters/dynamodb/table-schemas';
import type { Entity, EventRecord, InventoryChange, Outcome, UnitOfWork } from '../../shared/engine/engine-model';
import { localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';
import { anOrderEntity } from '../support/order-builder';

// What the account table's queries find, and leave out, on DynamoDB Local itself.
const TABLE = `ordo-sandbox-acct-queries-${process.pid}-${Date.now()}`;

const raw = localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '');
const documents = createDocumentClient(raw);
const engineStore = new DynamoEngineStore(documents, TABLE, 30);

/** Each part of this file commits on its own day, so one part's events never fall in another's time range. */
const EVENTS_DAY = '2025-04-01';
const CLAIMS_AT = '2025-05-01T10:00:00.000Z';
const STOCK_AT = '2025-06-01T10:00:00.000Z';
const at = (time: string) => `${EVENTS_DAY}T${time}:00.000Z`;

const eventRecord = (
  id: string,
  options: { retailerId?: string; rootRef: string; entityRef?: string; outcome?: Outcome; receivedOn: string },
): EventRecord => ({
  event: {
    id,
    name: 'BOOK',
    retailerId: options.retailerId ?? 'R1',
    entityType: 'ORDER',
    entityRef: options.entityRef ?? options.rootRef,
    source: 'API',
  },
  outcome: options.outcome ?? 'SUCCESS',
  receivedOn: options.receivedOn,
  processedOn: options.receivedOn,
  rootEntityType: 'ORDER',
  rootRef: options.rootRef,
  attempts: 1,
});

const order = (retailerId: string, ref: string): Entity =>
  anOrderEntity(ref, { retailerId, id: `id-${retailerId}-${ref}`, createdOn: CLAIMS_AT, updatedOn: CLAIMS_AT });

/** Commits `event` with the given created entities and stock changes, as the engine would. */
const committed = (event: EventRecord, created: Entity[] = [], inventory: InventoryChange[] = []) => {
  const uow: UnitOfWork = {
    event,
    entities: created.map((entity) => ({ entity, expectedVersion: null })),
    inventory,
    audit: [],
    outbox: [],
    scheduled: [],
    markProcessed: event.outcome !== 'FAILED',
  };
  return engineStore.commit(uow);
};

beforeAll(async () => {
  await raw.send(new CreateTableCommand(accountTableSchema(TABLE)));
});

afterAll(async () => {
  await raw.send(new DeleteTableCommand({ TableName: TABLE }));
  raw.destroy();
});

describe('DynamoEventLog.list on DynamoDB Local', () => {
  const log = new DynamoEventLog(documents, TABLE);
  const day = { from: at('00:00'), to: at('23:59') };
  const idsOf = (page: { items: { event: { id: string } }[] }) => page.items.map((item) => item.event.id);

  // Newest first: e3 (10:10), e5 (10:07), e2 (10:05), e4 (10:03), e1 (10:00).
  beforeAll(async () => {
    await committed(eventRecord('e1', { rootRef: 'O-1', receivedOn: at('10:00') }));
    await committed(eventRecord('e2', { rootRef: 'O-1', outcome: 'FAILED', receivedOn: at('10:05') }));
    await committed(eventRecord('e3', { rootRef: 'O-1', receivedOn: at('10:10') }));
    await committed(eventRecord('e4', { rootRef: 'O-2', outcome: 'NO_MATCH', receivedOn: at('10:03') }));
    await committed(eventRecord('e5', { rootRef: 'O-2', entityRef: 'F-1', receivedOn: at('10:07') }));
  });

  it('lists the events of a root, newest first, and none of another root', async () => {
    // Act
    const page = await log.list({ rootEntityRef: 'O-1', limit: 10 });

    // Assess
    expect(idsOf(page)).toEqual(['e3', 'e2', 'e1']);
  });

  it('lists only the events of a root that have the given status', async () => {
    // Act
    const page = await log.list({ rootEntityRef: 'O-1', status: 'FAILED', limit: 10 });

    // Assess
    expect(idsOf(page)).toEqual(['e2']);
  });

  it('lists the events of a status across roots, newest first, and none of another status', async () => {
    // Act
    const page = await log.list({ status: 'SUCCESS', ...day, limit: 10 });

    // Assess
    expect(idsOf(page)).toEqual(['e3', 'e5', 'e1']);
  });

  it('lists every event of any root and status, newest first, at most the limit', async () => {
    // Act
    const page = await log.list({ ...day, limit: 3 });

    // Assess
    expect(idsOf(page)).toEqual(['e3', 'e5', 'e2']);
  });

  it('lists only the events received from `from` to `to`, including those received at either end', async () => {
    // Act
    const page = await log.list({ from: at('10:03'), to: at('10:07'), limit: 10 });

    // Assess
    expect(idsOf(page)).toEqual(['e5', 'e2', 'e4']);
  });

  it('lists only the events for the named entity', async () => {
    // Act
    const page = await log.list({ entityRef: 'F-1', ...day, limit: 10 });

    // Assess
    expect(idsOf(page)).toEqual(['e5']);
  });

  it('resumes from its opaque cursor where the last page stopped, giving every event once', async () => {
    // Prepare
    const pages: string[][] = [];
    const cursors: (string | undefined)[] = [];
    let cursor: string | undefined;

    // Act
    do {
      const page = await log.list({ ...day, limit: 2, cursor });
      pages.push(idsOf(page));
      cursor = page.cursor;
      cursors.push(cursor);
    } while (cursor && pages.length < 5);

    // Assess
    expect(pages).toEqual([['e3', 'e5'], ['e2', 'e4'], ['e1']]);
    expect(cursors.slice(0, 2)).toEqual([expect.stringMatching(/^[A-Za-z0-9_-]+$/), expect.stringMatching(/^[A-Za-z0-9_-]+$/)]);
  });
});

describe('DynamoRetailerClaims on DynamoDB Local', () => {
  const claims = new DynamoRetailerClaims(documents, TABLE);

  // O-C1 is held by R2 and R1, under one event id; O-C2 by R1 alone.
  beforeAll(async () => {
    await committed(eventRecord('evt-claimed', { retailerId: 'R2', rootRef: 'O-C1', receivedOn: CLAIMS_AT }), [order('R2', 'O-C1')]);
    await committed(eventRecord('evt-claimed', { retailerId: 'R1', rootRef: 'O-C1', receivedOn: CLAIMS_AT }), [order('R1', 'O-C1')]);
    await committed(eventRecord('evt-own', { retailerId: 'R1', rootRef: 'O-C2', receivedOn: CLAIMS_AT }), [order('R1', 'O-C2')]);
  });

  it('names every retailer that holds a ref, sorted', async () => {
    // Act
    const retailers = await claims.retailersOfRoot('ORDER', 'O-C1');

    // Assess
    expect(retailers).toEqual(['R1', 'R2']);
  });

  it('names only the retailers that hold that ref, none that hold another', async () => {
    // Act
    const retailers = await claims.retailersOfRoot('ORDER', 'O-C2');

    // Assess
    expect(retailers).toEqual(['R1']);
  });

  it('names every retailer that recorded an event of that id, and only those', async () => {
    // Act
    const shared = await claims.retailersOfEvent('evt-claimed');
    const own = await claims.retailersOfEvent('evt-own');

    // Assess
    expect(shared).toEqual(['R1', 'R2']);
    expect(own).toEqual(['R1']);
  });

  it('names no retailer for a ref nobody holds', async () => {
    // Act
    const retailers = await claims.retailersOfRoot('ORDER', 'O-NOBODY');

    // Assess
    expect(retailers).toEqual([]);
  });
});

describe('DynamoInventoryStore lists on DynamoDB Local', () => {
  const inventory = new DynamoInventoryStore(documents, TABLE);
  const figuresOf = (positions: { skuRef: string; locationRef: string; onHand: number; reserved: number }[]) =>
    positions
      .map(({ skuRef, locationRef, onHand, reserved }) => ({ skuRef, locationRef, onHand, reserved }))
      .sort((a, b) => `${a.skuRef}/${a.locationRef}`.localeCompare(`${b.skuRef}/${b.locationRef}`));

  // SKU-A at W-1 (2 of 10 reserved) and at W-2; SKU-B at W-1.
  beforeAll(async () => {
    await inventory.setCount({ skuRef: 'SKU-A', locationRef: 'W-1', onHand: 10 }, STOCK_AT);
    await inventory.setCount({ skuRef: 'SKU-A', locationRef: 'W-2', onHand: 5 }, STOCK_AT);
    await inventory.setCount({ skuRef: 'SKU-B', locationRef: 'W-1', onHand: 3 }, STOCK_AT);
    await committed(eventRecord('evt-reserve', { rootRef: 'O-S1', receivedOn: STOCK_AT }), [], [
      { skuRef: 'SKU-A', locationRef: 'W-1', kind: 'RESERVE', qty: 2 },
    ]);
  });

  it('lists the positions of a SKU at every location, with their reservations, and none of another SKU', async () => {
    // Act
    const positions = await inventory.listBySku('SKU-A');

    // Assess
    expect(figuresOf(positions)).toEqual([
      { skuRef: 'SKU-A', locationRef: 'W-1', onHand: 10, reserved: 2 },
      { skuRef: 'SKU-A', locationRef: 'W-2', onHand: 5, reserved: 0 },
    ]);
  });

  it('lists the positions at a location of every SKU, with their reservations, and none of another location', async () => {
    // Act
    const positions = await inventory.listByLocation('W-1');

    // Assess
    expect(figuresOf(positions)).toEqual([
      { skuRef: 'SKU-A', locationRef: 'W-1', onHand: 10, reserved: 2 },
      { skuRef: 'SKU-B', locationRef: 'W-1', onHand: 3, reserved: 0 },
    ]);
  });
});

describe('queryAll on DynamoDB Local', () => {
  const PARTITION = 'QUERYALL#numbers';
  const item = (n: number) => ({ PK: PARTITION, SK: `N#${n}`, n });
  const byPartition = { TableName: TABLE, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': PARTITION } };

  // Five items, N#1 to N#5, read two or one at a time so that every query spans pages.
  beforeAll(async () => {
    for (const n of [1, 2, 3, 4, 5]) await documents.send(new PutCommand({ TableName: TABLE, Item: item(n) }));
  });

  it('returns the items of every page, in order', async () => {
    // Act
    const items = await queryAll(documents, { ...byPartition, Limit: 2 });

    // Assess
    expect(items).toEqual([1, 2, 3, 4, 5].map(item));
  });

  it('keeps the filter on every page', async () => {
    // Act
    const items = await queryAll(documents, {
      ...byPartition,
      FilterExpression: 'n IN (:one, :four, :five)',
      ExpressionAttributeValues: { ...byPartition.ExpressionAttributeValues, ':one': 1, ':four': 4, ':five': 5 },
      Limit: 2,
    });

    // Assess
    expect(items).toEqual([1, 4, 5].map(item));
  });

  it('goes on past pages that a filter left empty', async () => {
    // Act
    const items = await queryAll(documents, {
      ...byPartition,
      FilterExpression: 'n > :three',
      ExpressionAttributeValues: { ...byPartition.ExpressionAttributeValues, ':three': 3 },
      Limit: 1,
    });

    // Assess
    expect(items).toEqual([4, 5].map(item));
  });

  it('returns an empty list when the query matches nothing', async () => {
    // Act
    const items = await queryAll(documents, { ...byPartition, ExpressionAttributeValues: { ':pk': 'QUERYALL#nothing' } });

    // Assess
    expect(items).toEqual([]);
  });
});
