import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import {
  DynamoEngineStore,
  TRANSACTION_LIMIT,
  TransactionTooLargeError,
} from '../../../../shared/adapters/dynamodb/dynamo-engine-store';
import { DuplicateEventError, InsufficientStockError, VersionConflictError } from '../../../../shared/engine/engine-errors';
import type {
  AuditRecord,
  Entity,
  EntityChange,
  EventRecord,
  InventoryChange,
  OutboxRecord,
  ScheduledEventRecord,
  StockBasis,
  UnitOfWork,
} from '../../../../shared/engine/engine-model';
import type { Workflow } from '../../../../shared/engine/workflow';
import { countItem, reservationItem } from '../../../support/inventory-items';
import { STAGED_PARTITION } from '../../../../shared/adapters/dynamodb/staged-stock';

const TABLE = 'ordo-unit-acct-acme';
const RETENTION_DAYS = 30;
const AT = '2025-03-01T10:00:00.000Z';
const EXPIRES_AT = Date.parse(AT) / 1000 + RETENTION_DAYS * 86_400;
const EVENT_ID = 'evt-1';

const order = (ref: string, overrides: Partial<Entity> = {}): Entity => ({
  retailerId: 'R1',
  entityType: 'ORDER',
  subtype: 'HD',
  ref,
  id: `id-${ref}`,
  status: 'BOOKED',
  attributes: { total: 42 },
  workflowRef: 'ORDER::HD',
  workflowVersion: 1,
  version: 1,
  rootEntityType: 'ORDER',
  rootRef: ref,
  createdOn: AT,
  updatedOn: AT,
  ...overrides,
});

const created = (ref: string): EntityChange => ({ entity: order(ref), expectedVersion: null });
const changed = (ref: string, from: number): EntityChange => ({ entity: order(ref, { version: from + 1 }), expectedVersion: from });

const eventRecord = (overrides: Partial<EventRecord> = {}): EventRecord => ({
  event: { id: EVENT_ID, name: 'BOOK', retailerId: 'R1', entityType: 'ORDER', entityRef: 'O-1', source: 'API' },
  outcome: 'SUCCESS',
  receivedOn: AT,
  processedOn: AT,
  rootEntityType: 'ORDER',
  rootRef: 'O-1',
  attempts: 1,
  ...overrides,
});

/** A trail of `count` records: EVENT_RECEIVED, then RULE records, then the OUTCOME. */
const trail = (count: number): AuditRecord[] =>
  Array.from({ length: count }, (_, index) => ({
    eventId: EVENT_ID,
    seq: index + 1,
    at: AT,
    kind: index === 0 ? 'EVENT_RECEIVED' : index === count - 1 ? 'OUTCOME' : 'RULE',
    entityType: 'ORDER',
    entityRef: 'O-1',
    rootEntityType: 'ORDER',
    rootRef: 'O-1',
  }));

const outbox = (id: string): OutboxRecord => ({
  id,
  kind: 'PUBLISH',
  eventId: EVENT_ID,
  createdOn: AT,
  payload: { detailType: 'OrderBooked' },
});

const scheduled = (id: string): ScheduledEventRecord => ({
  id,
  dueAt: '2025-03-02T10:00:00.000Z',
  event: { id, name: 'REMIND', retailerId: 'R1', entityType: 'ORDER', entityRef: 'O-1', source: 'SCHEDULE' },
});

const unitOfWork = (overrides: Partial<UnitOfWork> = {}): UnitOfWork => ({
  event: eventRecord(),
  entities: [changed('O-1', 1)],
  inventory: [],
  audit: trail(3),
  outbox: [],
  scheduled: [],
  markProcessed: true,
  ...overrides,
});

const canceled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled, please refer cancellation reasons for specific reasons',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const putsIn = (items: TransactItem[]) => items.flatMap((item) => (item.Put ? [item.Put] : []));
const auditSeqs = (items: Record<string, unknown>[]) =>
  items.filter((item) => String(item.SK).startsWith('AUDIT#')).map((item) => item.seq as number);

describe('DynamoEngineStore', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const store = new DynamoEngineStore(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE, RETENTION_DAYS);

  beforeEach(() => {
    ddbMock.reset();
    ddbMock.on(TransactWriteCommand).resolves({});
    ddbMock.on(BatchWriteCommand).resolves({});
  });

  afterAll(() => {
    ddbMock.restore();
  });

  const transactItems = (call = 0): TransactItem[] =>
    ddbMock.commandCalls(TransactWriteCommand)[call].args[0].input.TransactItems ?? [];

  describe('commit', () => {
    it('writes the event record, entities, outbox, scheduled, claim and audit records in one TransactWriteItems call', async () => {
      // Prepare
      const uow = unitOfWork({
        entities: [created('O-1'), changed('O-2', 4)],
        outbox: [outbox('out-1')],
        scheduled: [scheduled('sch-1')],
        audit: trail(5),
      });

      // Act
      await store.commit(uow);

      // Assess
      expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(1);
      expect(ddbMock.commandCalls(BatchWriteCommand)).toHaveLength(0);
      // The event record, two entities, outbox, scheduled, the claims of O-1's ref and the event id, the trail.
      expect(transactItems()).toHaveLength(1 + 2 + 1 + 1 + 2 + 5);
      expect(transactItems().every((item) => (item.Put ?? item.Update)?.TableName === TABLE)).toBe(true);
    });

    it('indexes the event record by root, by outcome and by time', async () => {
      // Prepare
      const uow = unitOfWork();

      // Act
      await store.commit(uow);

      // Assess
      expect(transactItems()[0].Update?.ExpressionAttributeValues).toMatchObject({
        ':g1pk': 'EVENTS#ROOT#O-1',
        ':g2pk': 'EVENTS#STATUS#SUCCESS',
        ':g3pk': 'EVENTS',
        ':expiresAt': EXPIRES_AT,
      });
    });

    it('puts the outbox, scheduled, claim and audit records without conditions', async () => {
      // Prepare
      const uow = unitOfWork({ entities: [], outbox: [outbox('out-1')], scheduled: [scheduled('sch-1')], audit: trail(2) });

      // Act
      await store.commit(uow);

      // Assess
      const puts = putsIn(transactItems());
      expect(puts.map((put) => put.Item)).toEqual([
        { PK: `EVENT#R1#${EVENT_ID}`, SK: `OUTBOX#${AT}#out-1`, expiresAt: EXPIRES_AT, ...outbox('out-1') },
        { PK: 'SCHEDULED', SK: '2025-03-02T10:00:00.000Z#sch-1', ...scheduled('sch-1') },
        { PK: `EVENTID#${EVENT_ID}`, SK: 'R1', retailerId: 'R1', expiresAt: EXPIRES_AT },
        { PK: `EVENT#R1#${EVENT_ID}`, SK: `AUDIT#${AT}#000001`, expiresAt: EXPIRES_AT, ...trail(2)[0] },
        { PK: `EVENT#R1#${EVENT_ID}`, SK: `AUDIT#${AT}#000002`, expiresAt: EXPIRES_AT, ...trail(2)[1] },
      ]);
      expect(puts.every((put) => put.ConditionExpression === undefined)).toBe(true);
    });

    it('keeps the correlation id of the commit on the entities and outbox records the relay hands on, and nowhere else', async () => {
      // Prepare
      const chained = new DynamoEngineStore(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE, RETENTION_DAYS, () => ({ correlationId: 'corr-9' }));
      const uow = unitOfWork({ entities: [created('O-1')], outbox: [outbox('out-1')], scheduled: [scheduled('sch-1')], audit: trail(1) });

      // Act
      await chained.commit(uow);

      // Assess
      const stamped = putsIn(transactItems()).filter((put) => put.Item?.correlationId === 'corr-9').map((put) => String(put.Item?.SK));
      expect(stamped).toEqual(['ENTITY#ORDER#O-1', `OUTBOX#${AT}#out-1`]);
    });

    it("claims a new root's ref for its retailer, in the same transaction", async () => {
      // Prepare
      const uow = unitOfWork({ entities: [created('O-1')] });

      // Act
      await store.commit(uow);

      // Assess
      const items = putsIn(transactItems()).map((put) => put.Item);
      expect(items).toContainEqual({ PK: 'REF#ORDER#O-1', SK: 'R1', retailerId: 'R1' });
    });

    it('claims no ref for a changed root nor for a new child entity', async () => {
      // Prepare
      const child: EntityChange = { entity: order('F-1', { entityType: 'FULFILMENT', rootRef: 'O-1' }), expectedVersion: null };
      const uow = unitOfWork({ entities: [changed('O-1', 1), child] });

      // Act
      await store.commit(uow);

      // Assess
      const claims = putsIn(transactItems()).filter((put) => String(put.Item?.PK).startsWith('REF#'));
      expect(claims).toEqual([]);
    });

    it("keys a retailer id with a '#' so that it cannot meet another retailer's keys", async () => {
      // Prepare
      const uow = unitOfWork({
        event: eventRecord({ event: { ...eventRecord().event, retailerId: 'R1#ORDER' } }),
        entities: [{ entity: order('O-1', { retailerId: 'R1#ORDER' }), expectedVersion: null }],
      });

      // Act
      await store.commit(uow);

      // Assess
      const keys = transactItems().map((item) => String((item.Update?.Key ?? item.Put?.Item)?.PK));
      expect(keys.slice(0, 2)).toEqual([`EVENT#R1%23ORDER#${EVENT_ID}`, 'ROOT#R1%23ORDER#ORDER#O-1']);
    });

    it('reports a failed event record condition as a DuplicateEventError', async () => {
      // Prepare
      ddbMock.on(TransactWriteCommand).rejects(canceled('ConditionalCheckFailed', 'None', 'None', 'None', 'None'));

      // Act
      const attempt = store.commit(unitOfWork());

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(DuplicateEventError);
      await expect(attempt).rejects.toMatchObject({ eventId: EVENT_ID });
    });

    it('reports a failed version check on an entity as a VersionConflictError naming that entity', async () => {
      // Prepare
      const uow = unitOfWork({ entities: [changed('O-1', 1), changed('F-9', 2)], audit: trail(2) });
      ddbMock.on(TransactWriteCommand).rejects(canceled('None', 'None', 'ConditionalCheckFailed', 'None', 'None'));

      // Act
      const attempt = store.commit(uow);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
      await expect(attempt).rejects.toThrow('ORDER F-9');
    });

    it('reports a TransactionConflict with a concurrent transaction as a VersionConflictError', async () => {
      // Prepare
      ddbMock.on(TransactWriteCommand).rejects(canceled('None', 'TransactionConflict', 'None', 'None', 'None'));

      // Act
      const attempt = store.commit(unitOfWork());

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    });

    it('lets any other DynamoDB failure through unchanged', async () => {
      // Prepare
      const throttled = new Error('Rate exceeded');
      ddbMock.on(TransactWriteCommand).rejects(throttled);

      // Act
      const attempt = store.commit(unitOfWork());

      // Assess
      await expect(attempt).rejects.toBe(throttled);
    });

    it('commits the state-bearing items with the first audit records and the OUTCOME, and batch-writes the rest of the trail', async () => {
      // Prepare
      const audit = trail(150);
      const uow = unitOfWork({ entities: [changed('O-1', 1)], outbox: [outbox('out-1')], audit });

      // Act
      await store.commit(uow);

      // Assess
      const items = transactItems();
      expect(items).toHaveLength(TRANSACTION_LIMIT);
      const inTransaction = auditSeqs(putsIn(items).map((put) => put.Item ?? {}));
      // The event record, O-1, the outbox record and the event id's claim.
      const room = TRANSACTION_LIMIT - 4;
      expect(inTransaction).toEqual([...Array.from({ length: room - 1 }, (_, i) => i + 1), 150]);
      const batched = ddbMock
        .commandCalls(BatchWriteCommand)
        .flatMap((call) => call.args[0].input.RequestItems?.[TABLE] ?? [])
        .map((request) => request.PutRequest?.Item ?? {});
      expect(auditSeqs(batched)).toEqual(Array.from({ length: 150 - room }, (_, i) => i + room));
      expect(batched.every((item) => item.PK === `EVENT#R1#${EVENT_ID}` && item.expiresAt === EXPIRES_AT)).toBe(true);
    });

    it('sends the batch-written part of an oversized trail only after the transaction', async () => {
      // Prepare
      const uow = unitOfWork({ audit: trail(150) });

      // Act
      await store.commit(uow);

      // Assess
      const sent = ddbMock.calls().map((call) => call.args[0]);
      expect(sent).toHaveLength(4);
      expect(sent[0]).toBeInstanceOf(TransactWriteCommand);
      expect(sent.slice(1).every((command) => command instanceof BatchWriteCommand)).toBe(true);
    });

    it('writes none of an oversized trail when the transaction is cancelled', async () => {
      // Prepare
      ddbMock.on(TransactWriteCommand).rejects(canceled('ConditionalCheckFailed'));

      // Act
      const attempt = store.commit(unitOfWork({ audit: trail(150) }));

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(DuplicateEventError);
      expect(ddbMock.commandCalls(BatchWriteCommand)).toHaveLength(0);
    });

    it('still commits 97 state-bearing items, with only the OUTCOME audit record in the transaction', async () => {
      // Prepare
      const entities = Array.from({ length: 47 }, (_, i) => changed(`O-${i}`, 1));
      const records = Array.from({ length: 50 }, (_, i) => outbox(`out-${i}`));
      const uow = unitOfWork({ entities, outbox: records, audit: trail(4) });

      // Act
      await store.commit(uow);

      // Assess
      const items = transactItems();
      expect(items).toHaveLength(TRANSACTION_LIMIT);
      expect(auditSeqs(putsIn(items).map((put) => put.Item ?? {}))).toEqual([4]);
      const batched = ddbMock.commandCalls(BatchWriteCommand)[0].args[0].input.RequestItems?.[TABLE] ?? [];
      expect(auditSeqs(batched.map((request) => request.PutRequest?.Item ?? {}))).toEqual([1, 2, 3]);
    });

    it('refuses 98 state-bearing items with a TransactionTooLargeError and sends nothing', async () => {
      // Prepare
      const entities = Array.from({ length: 48 }, (_, i) => changed(`O-${i}`, 1));
      const records = Array.from({ length: 50 }, (_, i) => outbox(`out-${i}`));

      // Act
      const attempt = store.commit(unitOfWork({ entities, outbox: records }));

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(TransactionTooLargeError);
      await expect(attempt).rejects.toMatchObject({ code: 'TRANSACTION_TOO_LARGE' });
      expect(ddbMock.calls()).toHaveLength(0);
    });

    it('states in its TransactionTooLargeError how many items beside its stock do fit (97)', async () => {
      // Prepare
      const records = Array.from({ length: 98 }, (_, i) => outbox(`out-${i}`));

      // Act
      const attempt = store.commit(unitOfWork({ entities: [], outbox: records }));

      // Assess
      // 97 is the most that commits (previous tests); the message must not claim that the 98 refused here fit.
      await expect(attempt).rejects.toThrow(/at most 97 items beside/);
    });
  });

  describe('commit with inventory changes', () => {
    const basis = (onHand: number, reserved = 0, safetyStock = 0): StockBasis => ({ onHand, reserved, safetyStock });
    const stock = (
      kind: InventoryChange['kind'],
      qty: number,
      { skuRef = 'S1', locationRef = 'L1', seen }: { skuRef?: string; locationRef?: string; seen?: StockBasis } = {},
    ): InventoryChange => ({ skuRef, locationRef, kind, qty, ...(seen ? { seen } : {}) });

    const keyOf = (item: TransactItem) => item.ConditionCheck?.Key ?? item.Update?.Key ?? item.Put?.Item ?? item.Delete?.Key;
    const operationOf = (item: TransactItem) => (item.ConditionCheck ? 'ConditionCheck' : item.Update ? 'Update' : item.Put ? 'Put' : 'Delete');
    /** Each item as `<operation> <PK>`, with the SK for inventory items. */
    const shapeOf = (item: TransactItem) => {
      const key = keyOf(item);
      const pk = String(key?.PK);
      return `${operationOf(item)} ${pk}${pk.startsWith('SKU#') ? ` ${String(key?.SK)}` : ''}`;
    };
    const stockWritesIn = (items: TransactItem[]) => items.filter((item) => String(keyOf(item)?.PK).startsWith('SKU#'));
    /** A write to a count or reservation item, as what it touches, on which condition, with which values. */
    const summary = (item: TransactItem) => {
      const write = item.ConditionCheck ?? item.Update;
      return {
        write: `${operationOf(item)} ${String(write?.Key?.SK)}`,
        condition: write?.ConditionExpression,
        values: write?.ExpressionAttributeValues,
      };
    };
    /** A cancellation of `count` items where only the item at `index` failed with `code`. */
    const failingAt = (index: number, count: number, code: string) =>
      canceled(...Array.from({ length: count }, (_, i) => (i === index ? code : 'None')));

    const SEEN_CONDITION =
      'attribute_exists(PK) AND onHand >= :seenOnHand AND (attribute_not_exists(safetyStock) OR safetyStock <= :seenSafetyStock)';
    const MAX_RESERVED_CONDITION = '(attribute_not_exists(reserved) OR reserved <= :maxReserved)';

    it.each([
      [
        'RESERVE',
        [
          { write: 'ConditionCheck LOC#L1', condition: SEEN_CONDITION, values: { ':seenOnHand': 10, ':seenSafetyStock': 2 } },
          { write: 'Update RES#L1', condition: MAX_RESERVED_CONDITION, values: expect.objectContaining({ ':reserved': 3, ':maxReserved': 5, ':updatedOn': AT }) },
        ],
      ],
      [
        'RELEASE',
        [{ write: 'Update RES#L1', condition: 'reserved >= :minReserved', values: expect.objectContaining({ ':reserved': -3, ':minReserved': 3, ':updatedOn': AT }) }],
      ],
      [
        'CONSUME',
        [
          { write: 'Update LOC#L1', condition: 'attribute_exists(PK)', values: { ':onHand': -3, ':updatedOn': AT } },
          { write: 'Update RES#L1', condition: 'reserved >= :minReserved', values: expect.objectContaining({ ':reserved': -3, ':minReserved': 3, ':updatedOn': AT }) },
        ],
      ],
    ] as const)('writes a %s to the count and reservation items, conditioned so that nothing goes below zero', async (kind, expected) => {
      // Prepare
      const uow = unitOfWork({ inventory: [stock(kind, 3, { seen: basis(10, 1, 2) })] });

      // Act
      await store.commit(uow);

      // Assess
      expect(stockWritesIn(transactItems()).map(summary)).toEqual(expected);
    });

    it('reads the SKU partition itself, consistently, for a RESERVE whose rules did not read the stock', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [countItem('S1', 'L1', 8, 1), reservationItem('S1', 'L1', 2)] });

      // Act
      await store.commit(unitOfWork({ inventory: [stock('RESERVE', 3)] }));

      // Assess
      const queries = ddbMock.commandCalls(QueryCommand).map((call) => call.args[0].input);
      expect(queries).toEqual([
        { TableName: TABLE, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'SKU#S1' }, ConsistentRead: true },
      ]);
    });

    it('conditions a RESERVE whose rules did not read the stock on the position it read', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [countItem('S1', 'L1', 8, 1), reservationItem('S1', 'L1', 2)] });

      // Act
      await store.commit(unitOfWork({ inventory: [stock('RESERVE', 3)] }));

      // Assess
      const [count, reservation] = stockWritesIn(transactItems()).map(summary);
      expect(count?.values).toEqual({ ':seenOnHand': 8, ':seenSafetyStock': 1 });
      expect(reservation?.values).toMatchObject({ ':maxReserved': 4 });
    });

    it('reads each SKU once for several RESERVEs of it whose rules did not read the stock', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [countItem('S1', 'L1', 8), countItem('S1', 'L2', 6)] });

      // Act
      await store.commit(unitOfWork({ inventory: [stock('RESERVE', 1), stock('RESERVE', 2, { locationRef: 'L2' })] }));

      // Assess
      expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(1);
      const maxReserved = stockWritesIn(transactItems()).flatMap((item) => item.Update?.ExpressionAttributeValues?.[':maxReserved'] ?? []);
      expect(maxReserved).toEqual([7, 4]);
    });

    it('reads nothing for a RESERVE that carries the figures its rules read', async () => {
      // Prepare
      const uow = unitOfWork({ inventory: [stock('RESERVE', 3, { seen: basis(10) })] });

      // Act
      await store.commit(uow);

      // Assess
      expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(0);
    });

    it('reads nothing for releases and consumes, whose conditions need no figures', async () => {
      // Prepare
      const uow = unitOfWork({ inventory: [stock('RELEASE', 1), stock('CONSUME', 2, { skuRef: 'S2' })] });

      // Act
      await store.commit(uow);

      // Assess
      expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(0);
      expect(stockWritesIn(transactItems())).toHaveLength(3);
    });

    it('refuses a RESERVE of a position that has no count with InsufficientStockError, sending no transaction', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [reservationItem('S1', 'L1', 2)] });

      // Act
      const attempt = store.commit(unitOfWork({ inventory: [stock('RESERVE', 1)] }));

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InsufficientStockError);
      await expect(attempt).rejects.toMatchObject({ skuRef: 'S1', locationRef: 'L1' });
      expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
    });

    it('merges the changes of one position into one write per item with one combined condition', async () => {
      // Prepare
      const uow = unitOfWork({
        inventory: [
          stock('RESERVE', 3, { seen: basis(10) }),
          stock('RESERVE', 1, { skuRef: 'S2', seen: basis(10) }),
          stock('RELEASE', 1),
        ],
      });

      // Act
      await store.commit(uow);

      // Assess
      const writes = stockWritesIn(transactItems());
      expect(writes.map(shapeOf)).toEqual([
        'ConditionCheck SKU#S1 LOC#L1',
        'Update SKU#S1 RES#L1',
        'ConditionCheck SKU#S2 LOC#L1',
        'Update SKU#S2 RES#L1',
      ]);
      // Reserve 3, release 1: reserved +2, needing 2 available, so at most 10 − 2 reserved meanwhile.
      expect(writes[1]?.Update?.ExpressionAttributeValues).toMatchObject({ ':reserved': 2, ':maxReserved': 8 });
    });

    it('writes no item for a position whose changes cancel out, and reads nothing for it', async () => {
      // Prepare
      const uow = unitOfWork({ inventory: [stock('RESERVE', 2), stock('RELEASE', 2)] });

      // Act
      await store.commit(uow);

      // Assess
      expect(stockWritesIn(transactItems())).toEqual([]);
      expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(0);
    });

    it('puts the position writes after the entities and before the outbox, in the same transaction', async () => {
      // Prepare
      const uow = unitOfWork({
        entities: [changed('O-1', 1)],
        inventory: [stock('RESERVE', 1, { seen: basis(5) })],
        outbox: [outbox('out-1')],
        audit: trail(2),
      });

      // Act
      await store.commit(uow);

      // Assess
      expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(1);
      expect(transactItems().map(shapeOf)).toEqual([
        `Update EVENT#R1#${EVENT_ID}`,
        'Put ROOT#R1#ORDER#O-1',
        'ConditionCheck SKU#S1 LOC#L1',
        'Update SKU#S1 RES#L1',
        `Put EVENT#R1#${EVENT_ID}`,
        `Put EVENTID#${EVENT_ID}`,
        `Put EVENT#R1#${EVENT_ID}`,
        `Put EVENT#R1#${EVENT_ID}`,
      ]);
    });

    it('stages ahead, with a ledger item, the reserved positions that do not fit beside the rest, and guards them in the commit', async () => {
      // Prepare: 25 reservations are 50 writes; beside 49 outbox records, O-1, the event record and its claim, 46 fit.
      const inventory = Array.from({ length: 25 }, (_, i) => stock('RESERVE', 1, { skuRef: `S${i}`, seen: basis(5) }));
      const records = Array.from({ length: 49 }, (_, i) => outbox(`out-${i}`));

      // Act
      await store.commit(unitOfWork({ inventory, outbox: records }));

      // Assess
      const [staging, commit] = ddbMock.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.TransactItems ?? []);
      const ledger = staging?.find((item) => item.Put?.Item?.PK === STAGED_PARTITION)?.Put?.Item;
      expect(stockWritesIn(staging ?? [])).toHaveLength(staging!.length - 1);
      expect(ledger).toMatchObject({ eventId: EVENT_ID, deltas: expect.any(Array) });
      expect(stockWritesIn(commit ?? []).length + stockWritesIn(staging ?? []).length).toBe(50);
      expect(commit?.find((item) => item.Delete)?.Delete).toEqual({ TableName: TABLE, Key: { PK: ledger!.PK, SK: ledger!.SK }, ConditionExpression: 'attribute_exists(PK)' });
      expect(commit!.length).toBeLessThanOrEqual(TRANSACTION_LIMIT);
    });

    it('takes the staged stock back when the commit after it is refused, and reports why it was refused', async () => {
      // Prepare
      const inventory = Array.from({ length: 25 }, (_, i) => stock('RESERVE', 2, { skuRef: `S${i}`, seen: basis(5) }));
      const records = Array.from({ length: 49 }, (_, i) => outbox(`out-${i}`));
      ddbMock.on(TransactWriteCommand).resolvesOnce({}).rejectsOnce(canceled('None', 'ConditionalCheckFailed')).resolves({});

      // Act
      const attempt = store.commit(unitOfWork({ inventory, outbox: records }));

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
      const calls = ddbMock.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.TransactItems ?? []);
      expect(calls).toHaveLength(3);
      const staged = stockWritesIn(calls[0] ?? []).filter((item) => item.Update);
      const takenBack = stockWritesIn(calls[2] ?? []);
      expect(takenBack.map((item) => [item.Update?.Key, item.Update?.UpdateExpression, item.Update?.ExpressionAttributeValues])).toEqual(
        staged.map((item) => [item.Update?.Key, 'SET reserved = reserved - :qty', { ':qty': 2 }]),
      );
      expect(calls[2]?.at(-1)?.Delete?.ConditionExpression).toBe('attribute_exists(PK)');
    });

    it('refuses stock that would need more than ten staged transactions, sending nothing', async () => {
      // Prepare: 600 reservations are 1,200 writes, more than eleven transactions hold.
      const inventory = Array.from({ length: 600 }, (_, i) => stock('RESERVE', 1, { skuRef: `S${i}`, seen: basis(5) }));

      // Act
      const attempt = store.commit(unitOfWork({ inventory }));

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(TransactionTooLargeError);
      expect(ddbMock.calls()).toHaveLength(0);
    });

    it.each([
      [2, 'the count check', 'S1', 'L1', 1],
      [3, 'the reservation update', 'S1', 'L1', 1],
      [4, 'the count check', 'S2', 'L9', 5],
      [5, 'the reservation update', 'S2', 'L9', 5],
    ])('reports a failed condition at item %i (%s) as InsufficientStockError naming %s at %s', async (index, _what, skuRef, locationRef, qty) => {
      // Prepare
      const uow = unitOfWork({
        entities: [changed('O-1', 1)],
        inventory: [stock('RESERVE', 1, { seen: basis(10) }), stock('RESERVE', 5, { skuRef: 'S2', locationRef: 'L9', seen: basis(10) })],
      });
      ddbMock.on(TransactWriteCommand).rejects(failingAt(index, 1 + 1 + 4 + 3, 'ConditionalCheckFailed'));

      // Act
      const attempt = store.commit(uow);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InsufficientStockError);
      await expect(attempt).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK', skuRef, locationRef });
      await expect(attempt).rejects.toThrow(`needs ${qty} available`);
    });

    it('reports a failed release as InsufficientStockError asking for the units reserved', async () => {
      // Prepare
      const uow = unitOfWork({ entities: [], inventory: [stock('RELEASE', 3)] });
      ddbMock.on(TransactWriteCommand).rejects(failingAt(1, 1 + 1 + 3, 'ConditionalCheckFailed'));

      // Act
      const attempt = store.commit(uow);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InsufficientStockError);
      await expect(attempt).rejects.toThrow('needs 3 reserved');
    });

    it('reports a failed version check as a VersionConflictError even when a position failed too', async () => {
      // Prepare
      const uow = unitOfWork({ entities: [changed('O-1', 1)], inventory: [stock('RESERVE', 1, { seen: basis(10) })] });
      ddbMock
        .on(TransactWriteCommand)
        .rejects(canceled('None', 'ConditionalCheckFailed', 'ConditionalCheckFailed', 'ConditionalCheckFailed', 'None', 'None', 'None'));

      // Act
      const attempt = store.commit(uow);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    });

    it('reports a TransactionConflict on the reservation item of a later position as a VersionConflictError naming that position', async () => {
      // Prepare
      const uow = unitOfWork({
        entities: [],
        inventory: [stock('RESERVE', 1, { seen: basis(10) }), stock('RESERVE', 1, { skuRef: 'S2', seen: basis(10) })],
      });
      ddbMock.on(TransactWriteCommand).rejects(failingAt(4, 1 + 4 + 3, 'TransactionConflict'));

      // Act
      const attempt = store.commit(uow);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
      await expect(attempt).rejects.toThrow('The position of S2 at L1 changed during the execution');
    });
  });

  describe('recordPending', () => {
    it('keeps the first record of a resent event id quietly', async () => {
      // Prepare
      ddbMock.on(TransactWriteCommand).rejects(canceled('ConditionalCheckFailed', 'None'));

      // Act
      const recorded = store.recordPending(eventRecord({ outcome: 'PENDING' }));

      // Assess
      await expect(recorded).resolves.toBeUndefined();
    });

    it('lets any other cancellation through, so the caller is not told an unstored event was accepted', async () => {
      // Prepare
      ddbMock.on(TransactWriteCommand).rejects(canceled('None', 'TransactionConflict'));

      // Act
      const recorded = store.recordPending(eventRecord({ outcome: 'PENDING' }));

      // Assess
      await expect(recorded).rejects.toBeInstanceOf(TransactionCanceledException);
    });
  });

  describe('positions', () => {
    it('queries each SKU partition once, consistently, page by page', async () => {
      // Prepare
      const cursor = { PK: 'SKU#S1', SK: 'LOC#L2' };
      ddbMock
        .on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'SKU#S1' } })
        .resolvesOnce({ Items: [countItem('S1', 'L1', 5), countItem('S1', 'L2', 3)], LastEvaluatedKey: cursor })
        .resolvesOnce({ Items: [reservationItem('S1', 'L1', 1)] })
        .on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'SKU#S2' } })
        .resolves({ Items: [] });

      // Act
      await store.positions(['S1', 'S2', 'S1']);

      // Assess
      const calls = ddbMock.commandCalls(QueryCommand).map((call) => call.args[0].input);
      expect(calls).toHaveLength(3);
      expect(calls.every((input) => input.ConsistentRead === true && input.KeyConditionExpression === 'PK = :pk')).toBe(true);
      expect(calls.filter((input) => input.ExclusiveStartKey !== undefined).map((input) => input.ExclusiveStartKey)).toContainEqual(cursor);
    });

    it('joins each count with its reservations, even when they come on different pages', async () => {
      // Prepare
      ddbMock
        .on(QueryCommand)
        .resolvesOnce({ Items: [countItem('S1', 'L1', 5), countItem('S1', 'L2', 3, 1)], LastEvaluatedKey: { PK: 'SKU#S1', SK: 'LOC#L2' } })
        .resolvesOnce({ Items: [reservationItem('S1', 'L1', 1), reservationItem('S1', 'L2', 2)] });

      // Act
      const levels = await store.positions(['S1']);

      // Assess
      expect(levels).toEqual([
        { skuRef: 'S1', locationRef: 'L1', onHand: 5, reserved: 1, safetyStock: 0, available: 4, updatedOn: AT },
        { skuRef: 'S1', locationRef: 'L2', onHand: 3, reserved: 2, safetyStock: 1, available: 0, updatedOn: AT },
      ]);
    });

    it('reports a recount below the reservations as a negative available, for the engine to clamp', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [countItem('S1', 'L1', 2, 1), reservationItem('S1', 'L1', 3)] });

      // Act
      const levels = await store.positions(['S1']);

      // Assess
      expect(levels).toEqual([{ skuRef: 'S1', locationRef: 'L1', onHand: 2, reserved: 3, safetyStock: 1, available: -2, updatedOn: AT }]);
    });
  });
  describe('loadRoot', () => {
    it('reads every entity of the root, consistently, page by page', async () => {
      // Prepare
      const cursor = { PK: 'ROOT#R1#ORDER#O-1', SK: 'ENTITY#ORDER#O-1' };
      ddbMock
        .on(QueryCommand)
        .resolvesOnce({ Items: [{ PK: 'x', SK: 'y', GSI1PK: 'z', ...order('O-1') }], LastEvaluatedKey: cursor })
        .resolvesOnce({ Items: [order('F-1', { entityType: 'FULFILMENT', rootRef: 'O-1' })] });

      // Act
      const entities = await store.loadRoot('R1', 'ORDER', 'O-1');

      // Assess
      expect(entities).toEqual([order('O-1'), order('F-1', { entityType: 'FULFILMENT', rootRef: 'O-1' })]);
      const calls = ddbMock.commandCalls(QueryCommand);
      expect(calls[0].args[0].input).toMatchObject({
        TableName: TABLE,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :entity)',
        ExpressionAttributeValues: { ':pk': 'ROOT#R1#ORDER#O-1', ':entity': 'ENTITY#' },
        ConsistentRead: true,
      });
      expect(calls[1].args[0].input.ExclusiveStartKey).toEqual(cursor);
    });
  });

  describe('loadWorkflow', () => {
    const workflow: Workflow = { retailerId: 'R1', entityType: 'ORDER', subtype: 'HD', version: 2, statuses: [], rulesets: [] };
    const key = { retailerId: 'R1', entityType: 'ORDER', subtype: 'HD' };

    it('gets the asked version by its zero-padded sort key', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: { workflow } });

      // Act
      const loaded = await store.loadWorkflow(key, 2);

      // Assess
      expect(loaded).toEqual(workflow);
      expect(ddbMock.commandCalls(GetCommand)[0].args[0].input.Key).toEqual({ PK: 'WORKFLOW#R1#ORDER#HD', SK: 'V#00000002' });
    });

    it('queries the highest version, consistently, when no version is asked', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [{ workflow }] });

      // Act
      const loaded = await store.loadWorkflow(key);

      // Assess
      expect(loaded).toEqual(workflow);
      expect(ddbMock.commandCalls(QueryCommand)[0].args[0].input).toMatchObject({
        ExpressionAttributeValues: { ':pk': 'WORKFLOW#R1#ORDER#HD', ':v': 'V#' },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      });
    });
  });

  describe('getEvent', () => {
    it('returns the stored event record without its table keys', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: { PK: `EVENT#R1#${EVENT_ID}`, SK: 'EVENT', GSI3PK: 'EVENTS', ...eventRecord() } });

      // Act
      const record = await store.getEvent('R1', EVENT_ID);

      // Assess
      expect(record).toEqual(eventRecord());
      expect(ddbMock.commandCalls(GetCommand)[0].args[0].input).toMatchObject({
        Key: { PK: `EVENT#R1#${EVENT_ID}`, SK: 'EVENT' },
        ConsistentRead: true,
      });
    });
  });
});
