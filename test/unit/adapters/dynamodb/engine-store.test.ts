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
} from '../../../../shared/adapters/dynamodb/engine-store';
import {
  inventoryPositionItem,
  inventoryPositionKey,
  stockLevelFromItem,
} from '../../../../shared/adapters/dynamodb/engine-items';
import { DuplicateEventError, InsufficientStockError, VersionConflictError } from '../../../../shared/engine/errors';
import type {
  AuditRecord,
  Entity,
  EntityChange,
  EventRecord,
  InventoryChange,
  OutboxRecord,
  ScheduledEventRecord,
  UnitOfWork,
} from '../../../../shared/engine/model';
import type { Workflow } from '../../../../shared/engine/workflow';

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
    it('writes the event record, entities, outbox, scheduled and audit records in one TransactWriteItems call', async () => {
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
      expect(transactItems()).toHaveLength(1 + 2 + 1 + 1 + 5);
      expect(transactItems().every((item) => (item.Put ?? item.Update)?.TableName === TABLE)).toBe(true);
    });

    it('updates the event record first, only while it is absent, PENDING or FAILED', async () => {
      // Prepare
      const uow = unitOfWork();

      // Act
      await store.commit(uow);

      // Assess
      const update = transactItems()[0].Update;
      expect(update?.Key).toEqual({ PK: `EVENT#${EVENT_ID}`, SK: 'EVENT' });
      expect(update?.ConditionExpression).toBe('attribute_not_exists(PK) OR outcome IN (:pending, :failed)');
      expect(update?.ExpressionAttributeValues).toMatchObject({ ':pending': 'PENDING', ':failed': 'FAILED' });
      expect(update?.ExpressionAttributeValues).toMatchObject({ ':outcome': 'SUCCESS', ':event': uow.event.event });
    });

    it('adds the attempts to any stored count and keeps the receivedOn and index sort keys of an earlier attempt', async () => {
      // Prepare
      const uow = unitOfWork({ event: eventRecord({ outcome: 'FAILED', attempts: 1 }), markProcessed: false });

      // Act
      await store.commit(uow);

      // Assess
      const update = transactItems()[0].Update;
      expect(update?.UpdateExpression).toContain('attempts = if_not_exists(attempts, :zero) + :attempts');
      expect(update?.UpdateExpression).toContain('receivedOn = if_not_exists(receivedOn, :receivedOn)');
      expect(update?.UpdateExpression).toContain('GSI2SK = if_not_exists(GSI2SK, :sk)');
      expect(update?.ExpressionAttributeValues).toMatchObject({
        ':attempts': 1,
        ':zero': 0,
        ':g2pk': 'EVENTS#STATUS#FAILED',
        ':sk': `${AT}#${EVENT_ID}`,
      });
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

    it('puts a new entity only if no item exists under its key', async () => {
      // Prepare
      const uow = unitOfWork({ entities: [created('O-1')] });

      // Act
      await store.commit(uow);

      // Assess
      const put = transactItems()[1].Put;
      expect(put?.Item).toMatchObject({ PK: 'ROOT#ORDER#O-1', SK: 'ENTITY#ORDER#O-1', ...order('O-1') });
      expect(put?.ConditionExpression).toBe('attribute_not_exists(PK)');
      expect(put?.ExpressionAttributeValues).toBeUndefined();
    });

    it('puts a changed entity only if the stored version is still the expected one', async () => {
      // Prepare
      const uow = unitOfWork({ entities: [changed('O-1', 3)] });

      // Act
      await store.commit(uow);

      // Assess
      const put = transactItems()[1].Put;
      expect(put?.Item).toMatchObject({ PK: 'ROOT#ORDER#O-1', SK: 'ENTITY#ORDER#O-1', version: 4 });
      expect(put?.ConditionExpression).toBe('#version = :expected');
      expect(put?.ExpressionAttributeNames).toEqual({ '#version': 'version' });
      expect(put?.ExpressionAttributeValues).toEqual({ ':expected': 3 });
    });

    it('puts the outbox, scheduled and audit records without conditions', async () => {
      // Prepare
      const uow = unitOfWork({ entities: [], outbox: [outbox('out-1')], scheduled: [scheduled('sch-1')], audit: trail(2) });

      // Act
      await store.commit(uow);

      // Assess
      const puts = putsIn(transactItems());
      expect(puts.map((put) => put.Item)).toEqual([
        { PK: 'OUTBOX', SK: `${AT}#out-1`, ...outbox('out-1') },
        { PK: 'SCHEDULED', SK: '2025-03-02T10:00:00.000Z#sch-1', ...scheduled('sch-1') },
        { PK: `EVENT#${EVENT_ID}`, SK: `AUDIT#${AT}#000001`, expiresAt: EXPIRES_AT, ...trail(2)[0] },
        { PK: `EVENT#${EVENT_ID}`, SK: `AUDIT#${AT}#000002`, expiresAt: EXPIRES_AT, ...trail(2)[1] },
      ]);
      expect(puts.every((put) => put.ConditionExpression === undefined)).toBe(true);
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
      const room = TRANSACTION_LIMIT - 3;
      expect(inTransaction).toEqual([...Array.from({ length: room - 1 }, (_, i) => i + 1), 150]);
      const batched = ddbMock
        .commandCalls(BatchWriteCommand)
        .flatMap((call) => call.args[0].input.RequestItems?.[TABLE] ?? [])
        .map((request) => request.PutRequest?.Item ?? {});
      expect(auditSeqs(batched)).toEqual(Array.from({ length: 150 - room }, (_, i) => i + room));
      expect(batched.every((item) => item.PK === `EVENT#${EVENT_ID}` && item.expiresAt === EXPIRES_AT)).toBe(true);
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

    it('still commits 98 state-bearing items, with only the OUTCOME audit record in the transaction', async () => {
      // Prepare
      const entities = Array.from({ length: 48 }, (_, i) => changed(`O-${i}`, 1));
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

    it('refuses 99 state-bearing items with a TransactionTooLargeError and sends nothing', async () => {
      // Prepare
      const entities = Array.from({ length: 49 }, (_, i) => changed(`O-${i}`, 1));
      const records = Array.from({ length: 50 }, (_, i) => outbox(`out-${i}`));

      // Act
      const attempt = store.commit(unitOfWork({ entities, outbox: records }));

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(TransactionTooLargeError);
      await expect(attempt).rejects.toMatchObject({ code: 'TRANSACTION_TOO_LARGE', status: 422 });
      expect(ddbMock.calls()).toHaveLength(0);
    });

    it('states in its TransactionTooLargeError the number of state-bearing items that do fit (98)', async () => {
      // Prepare
      const records = Array.from({ length: 99 }, (_, i) => outbox(`out-${i}`));

      // Act
      const attempt = store.commit(unitOfWork({ entities: [], outbox: records }));

      // Assess
      // 98 is the most that commits (previous tests); the message must not claim that the 99 refused here fit.
      await expect(attempt).rejects.toThrow(/at most 98 fit/);
    });
  });

  describe('commit with inventory changes', () => {
    const stock = (kind: InventoryChange['kind'], qty: number, skuRef = 'S1', locationRef = 'L1'): InventoryChange => ({
      skuRef,
      locationRef,
      kind,
      qty,
    });
    const updatesIn = (items: TransactItem[]) => items.slice(1).flatMap((item) => (item.Update ? [item.Update] : []));

    it.each([
      [
        'RESERVE',
        '#reserved = #reserved + :reserved, #available = #available - :available, #updatedOn = :updatedOn',
        'attribute_exists(PK) AND #available >= :minAvailable',
        { ':reserved': 3, ':available': 3, ':minAvailable': 3 },
      ],
      [
        'RELEASE',
        '#reserved = #reserved - :reserved, #available = #available + :available, #updatedOn = :updatedOn',
        'attribute_exists(PK) AND #reserved >= :minReserved',
        { ':reserved': 3, ':available': 3, ':minReserved': 3 },
      ],
      [
        'CONSUME',
        '#onHand = #onHand - :onHand, #reserved = #reserved - :reserved, #updatedOn = :updatedOn',
        'attribute_exists(PK) AND #reserved >= :minReserved',
        { ':onHand': 3, ':reserved': 3, ':minReserved': 3 },
      ],
    ] as const)('updates the position for a %s, conditioned so that nothing goes below zero', async (kind, update, condition, values) => {
      // Prepare
      const uow = unitOfWork({ inventory: [stock(kind, 3)] });

      // Act
      await store.commit(uow);

      // Assess
      const [position] = updatesIn(transactItems());
      expect(position).toEqual({
        TableName: TABLE,
        Key: { PK: 'SKU#S1', SK: 'LOC#L1' },
        UpdateExpression: `SET ${update}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: expect.any(Object),
        ExpressionAttributeValues: { ...values, ':updatedOn': AT },
      });
      const names = Object.keys(position?.ExpressionAttributeNames ?? {});
      expect(names.every((name) => `${update} ${condition}`.includes(name))).toBe(true);
    });

    it('merges the changes of one position into one Update item with one combined condition', async () => {
      // Prepare
      const uow = unitOfWork({ inventory: [stock('RESERVE', 3), stock('RESERVE', 1, 'S2'), stock('RELEASE', 1)] });

      // Act
      await store.commit(uow);

      // Assess
      const updates = updatesIn(transactItems());
      expect(updates.map((update) => update.Key)).toEqual([
        { PK: 'SKU#S1', SK: 'LOC#L1' },
        { PK: 'SKU#S2', SK: 'LOC#L1' },
      ]);
      expect(updates[0]).toMatchObject({
        UpdateExpression: 'SET #reserved = #reserved + :reserved, #available = #available - :available, #updatedOn = :updatedOn',
        ConditionExpression: 'attribute_exists(PK) AND #available >= :minAvailable',
        ExpressionAttributeValues: { ':reserved': 2, ':available': 2, ':minAvailable': 2 },
      });
    });

    it('writes no item for a position whose changes cancel out', async () => {
      // Prepare
      const uow = unitOfWork({ inventory: [stock('RESERVE', 2), stock('RELEASE', 2)] });

      // Act
      await store.commit(uow);

      // Assess
      expect(updatesIn(transactItems())).toEqual([]);
    });

    it('puts the position updates after the entities and before the outbox, in the same transaction', async () => {
      // Prepare
      const uow = unitOfWork({ entities: [changed('O-1', 1)], inventory: [stock('RESERVE', 1)], outbox: [outbox('out-1')], audit: trail(2) });

      // Act
      await store.commit(uow);

      // Assess
      expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(1);
      const kinds = transactItems().map((item) => `${item.Update ? 'Update' : 'Put'} ${String((item.Update?.Key ?? item.Put?.Item)?.PK)}`);
      expect(kinds).toEqual([
        `Update EVENT#${EVENT_ID}`,
        'Put ROOT#ORDER#O-1',
        'Update SKU#S1',
        'Put OUTBOX',
        `Put EVENT#${EVENT_ID}`,
        `Put EVENT#${EVENT_ID}`,
      ]);
    });

    it('counts the positions among the state-bearing items of the 100-item limit', async () => {
      // Prepare
      const inventory = Array.from({ length: 50 }, (_, i) => stock('RESERVE', 1, `S${i}`));
      const records = Array.from({ length: 49 }, (_, i) => outbox(`out-${i}`));

      // Act
      const attempt = store.commit(unitOfWork({ entities: [], inventory, outbox: records }));

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(TransactionTooLargeError);
      expect(ddbMock.calls()).toHaveLength(0);
    });

    it('reports a failed condition on a position as InsufficientStockError naming that position', async () => {
      // Prepare
      const uow = unitOfWork({ entities: [changed('O-1', 1)], inventory: [stock('RESERVE', 1), stock('RESERVE', 5, 'S2', 'L9')] });
      ddbMock.on(TransactWriteCommand).rejects(canceled('None', 'None', 'None', 'ConditionalCheckFailed', 'None', 'None', 'None'));

      // Act
      const attempt = store.commit(uow);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InsufficientStockError);
      await expect(attempt).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK', status: 409, skuRef: 'S2', locationRef: 'L9' });
      await expect(attempt).rejects.toThrow('needs 5 available');
    });

    it('reports a failed version check as a VersionConflictError even when a position failed too', async () => {
      // Prepare
      const uow = unitOfWork({ entities: [changed('O-1', 1)], inventory: [stock('RESERVE', 1)] });
      ddbMock.on(TransactWriteCommand).rejects(canceled('None', 'ConditionalCheckFailed', 'ConditionalCheckFailed', 'None', 'None', 'None'));

      // Act
      const attempt = store.commit(uow);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    });

    it('reports a TransactionConflict on a position as a VersionConflictError naming it', async () => {
      // Prepare
      const uow = unitOfWork({ entities: [], inventory: [stock('RESERVE', 1)] });
      ddbMock.on(TransactWriteCommand).rejects(canceled('None', 'TransactionConflict', 'None', 'None', 'None'));

      // Act
      const attempt = store.commit(uow);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
      await expect(attempt).rejects.toThrow('S1 at L1');
    });
  });

  describe('positions', () => {
    it('queries every location of each SKU once, consistently, page by page', async () => {
      // Prepare
      const item = (skuRef: string, locationRef: string, onHand: number) =>
        inventoryPositionItem({ skuRef, locationRef, onHand, reserved: 1, safetyStock: 0, updatedOn: AT });
      const cursor = inventoryPositionKey('S1', 'L1');
      ddbMock
        .on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'SKU#S1', ':loc': 'LOC#' } })
        .resolvesOnce({ Items: [item('S1', 'L1', 5)], LastEvaluatedKey: cursor })
        .resolvesOnce({ Items: [item('S1', 'L2', 3)] })
        .on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'SKU#S2', ':loc': 'LOC#' } })
        .resolves({ Items: [] });

      // Act
      const levels = await store.positions(['S1', 'S2', 'S1']);

      // Assess
      expect(levels).toEqual([
        { skuRef: 'S1', locationRef: 'L1', onHand: 5, reserved: 1, safetyStock: 0, available: 4, updatedOn: AT },
        { skuRef: 'S1', locationRef: 'L2', onHand: 3, reserved: 1, safetyStock: 0, available: 2, updatedOn: AT },
      ]);
      const calls = ddbMock.commandCalls(QueryCommand).map((call) => call.args[0].input);
      expect(calls).toHaveLength(3);
      expect(calls.every((input) => input.ConsistentRead === true && input.KeyConditionExpression === 'PK = :pk AND begins_with(SK, :loc)')).toBe(true);
      expect(calls.filter((input) => input.ExclusiveStartKey !== undefined).map((input) => input.ExclusiveStartKey)).toContainEqual(cursor);
    });
  });

  describe('inventory position items', () => {
    it('keys a position by SKU and location, indexes it by location, and derives available', () => {
      // Act
      const item = inventoryPositionItem({ skuRef: 'S1', locationRef: 'L1', onHand: 2, reserved: 3, safetyStock: 1, updatedOn: AT });

      // Assess
      expect(item).toEqual({
        PK: 'SKU#S1',
        SK: 'LOC#L1',
        GSI1PK: 'LOC#L1',
        GSI1SK: 'SKU#S1',
        skuRef: 'S1',
        locationRef: 'L1',
        onHand: 2,
        reserved: 3,
        safetyStock: 1,
        available: -2,
        updatedOn: AT,
      });
      expect(stockLevelFromItem(item)).toEqual({ skuRef: 'S1', locationRef: 'L1', onHand: 2, reserved: 3, safetyStock: 1, available: -2, updatedOn: AT });
    });
  });

  describe('loadRoot', () => {
    it('reads every entity of the root, consistently, page by page', async () => {
      // Prepare
      const cursor = { PK: 'ROOT#ORDER#O-1', SK: 'ENTITY#ORDER#O-1' };
      ddbMock
        .on(QueryCommand)
        .resolvesOnce({ Items: [{ PK: 'x', SK: 'y', GSI1PK: 'z', ...order('O-1') }], LastEvaluatedKey: cursor })
        .resolvesOnce({ Items: [order('F-1', { entityType: 'FULFILMENT', rootRef: 'O-1' })] });

      // Act
      const entities = await store.loadRoot('ORDER', 'O-1');

      // Assess
      expect(entities).toEqual([order('O-1'), order('F-1', { entityType: 'FULFILMENT', rootRef: 'O-1' })]);
      const calls = ddbMock.commandCalls(QueryCommand);
      expect(calls[0].args[0].input).toMatchObject({
        TableName: TABLE,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :entity)',
        ExpressionAttributeValues: { ':pk': 'ROOT#ORDER#O-1', ':entity': 'ENTITY#' },
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
      ddbMock.on(GetCommand).resolves({ Item: { PK: `EVENT#${EVENT_ID}`, SK: 'EVENT', GSI3PK: 'EVENTS', ...eventRecord() } });

      // Act
      const record = await store.getEvent(EVENT_ID);

      // Assess
      expect(record).toEqual(eventRecord());
      expect(ddbMock.commandCalls(GetCommand)[0].args[0].input).toMatchObject({
        Key: { PK: `EVENT#${EVENT_ID}`, SK: 'EVENT' },
        ConsistentRead: true,
      });
    });
  });
});
