import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { DynamoInventoryStore } from '../../../../shared/adapters/dynamodb/inventory-store';
import type { InventoryPosition } from '../../../../shared/domain/inventory/position';

const TABLE = 'ordo-unit-acct-acme';
const EARLIER = '2025-03-01T10:00:00.000Z';
const NOW = '2025-03-02T10:00:00.000Z';
const ATTEMPTS = 5;

const position = (overrides: Partial<InventoryPosition> = {}): InventoryPosition => ({
  skuRef: 'SKU-1',
  locationRef: 'W-1',
  onHand: 10,
  reserved: 0,
  safetyStock: 0,
  updatedOn: EARLIER,
  ...overrides,
});

/** A position as the table holds it, with its keys and derived `available`. */
const stored = (p: InventoryPosition) => ({
  PK: `SKU#${p.skuRef}`,
  SK: `LOC#${p.locationRef}`,
  GSI1PK: `LOC#${p.locationRef}`,
  GSI1SK: `SKU#${p.skuRef}`,
  ...p,
  available: p.onHand - p.reserved - p.safetyStock,
});

const conditionFailed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('DynamoInventoryStore', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const store = new DynamoInventoryStore(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);

  const putInput = (call = 0) => ddbMock.commandCalls(PutCommand)[call].args[0].input;

  beforeEach(() => {
    ddbMock.reset();
    ddbMock.on(PutCommand).resolves({});
  });

  afterAll(() => {
    ddbMock.restore();
  });

  describe('setCount', () => {
    it('creates a position that does not exist yet only if nobody created it meanwhile', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 10 }, NOW);

      // Assess
      const input = putInput();
      expect(input.TableName).toBe(TABLE);
      expect(input.ConditionExpression).toBe('attribute_not_exists(PK)');
      expect(input.ExpressionAttributeValues).toBeUndefined();
    });

    it('writes a new position keyed by SKU and location, indexed by location, with nothing reserved', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 10, safetyStock: 2 }, NOW);

      // Assess
      expect(putInput().Item).toEqual(stored(position({ onHand: 10, reserved: 0, safetyStock: 2, updatedOn: NOW })));
    });

    it('returns the position it wrote', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      const written = await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 7 }, NOW);

      // Assess
      expect(written).toEqual(position({ onHand: 7, reserved: 0, safetyStock: 0, updatedOn: NOW }));
    });

    it('keeps the reservations of an existing position and writes only if they are still what it read', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: stored(position({ onHand: 10, reserved: 3 })) });

      // Act
      await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 12 }, NOW);

      // Assess
      const input = putInput();
      expect(input.Item).toMatchObject({ onHand: 12, reserved: 3, updatedOn: NOW });
      expect(input.ConditionExpression).toBe('reserved = :seen');
      expect(input.ExpressionAttributeValues).toEqual({ ':seen': 3 });
    });

    it('keeps the safety stock of an existing position when the count does not give one', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: stored(position({ safetyStock: 4 })) });

      // Act
      const written = await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 12 }, NOW);

      // Assess
      expect(written.safetyStock).toBe(4);
      expect(putInput().Item).toMatchObject({ safetyStock: 4 });
    });

    it('replaces the safety stock of an existing position when the count gives one', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: stored(position({ safetyStock: 4 })) });

      // Act
      await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 12, safetyStock: 0 }, NOW);

      // Assess
      expect(putInput().Item).toMatchObject({ safetyStock: 0 });
    });

    it('stores available as onHand minus reserved minus safety stock', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: stored(position({ reserved: 3 })) });

      // Act
      await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 10, safetyStock: 2 }, NOW);

      // Assess
      expect(putInput().Item).toMatchObject({ onHand: 10, reserved: 3, safetyStock: 2, available: 5 });
    });

    it('stores a negative available when a recount falls under the reservations, so reservations conditioned on it fail', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: stored(position({ reserved: 3 })) });

      // Act
      await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 2, safetyStock: 1 }, NOW);

      // Assess
      expect(putInput().Item).toMatchObject({ available: -2 });
    });

    it('reads the position consistently', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 10 }, NOW);

      // Assess
      expect(ddbMock.commandCalls(GetCommand)[0].args[0].input).toEqual({
        TableName: TABLE,
        Key: { PK: 'SKU#SKU-1', SK: 'LOC#W-1' },
        ConsistentRead: true,
      });
    });

    it('reads again and writes with the new reservations when a reservation lands between its read and its write', async () => {
      // Prepare
      ddbMock
        .on(GetCommand)
        .resolvesOnce({ Item: stored(position({ reserved: 3 })) })
        .resolves({ Item: stored(position({ reserved: 4 })) });
      ddbMock.on(PutCommand).rejectsOnce(conditionFailed()).resolves({});

      // Act
      const written = await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 10 }, NOW);

      // Assess
      expect(ddbMock.commandCalls(PutCommand)).toHaveLength(2);
      expect(putInput(1).ExpressionAttributeValues).toEqual({ ':seen': 4 });
      expect(putInput(1).Item).toMatchObject({ reserved: 4, available: 6 });
      expect(written.reserved).toBe(4);
    });

    it('keeps the reservations of a position another writer created between its read and its write', async () => {
      // Prepare
      ddbMock
        .on(GetCommand)
        .resolvesOnce({})
        .resolves({ Item: stored(position({ reserved: 2 })) });
      ddbMock.on(PutCommand, { ConditionExpression: 'attribute_not_exists(PK)' }).rejects(conditionFailed());

      // Act
      const written = await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 10 }, NOW);

      // Assess
      expect(putInput(1).ConditionExpression).toBe('reserved = :seen');
      expect(written.reserved).toBe(2);
    });

    it(`gives up after ${ATTEMPTS} attempts, letting the condition failure through`, async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: stored(position({ reserved: 3 })) });
      const failure = conditionFailed();
      ddbMock.on(PutCommand).rejects(failure);

      // Act
      const attempt = store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 10 }, NOW);

      // Assess
      await expect(attempt).rejects.toBe(failure);
      expect(ddbMock.commandCalls(PutCommand)).toHaveLength(ATTEMPTS);
      expect(ddbMock.commandCalls(GetCommand)).toHaveLength(ATTEMPTS);
    });

    it('does not retry any other DynamoDB failure', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});
      const throttled = new Error('Rate exceeded');
      ddbMock.on(PutCommand).rejects(throttled);

      // Act
      const attempt = store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 10 }, NOW);

      // Assess
      await expect(attempt).rejects.toBe(throttled);
      expect(ddbMock.commandCalls(PutCommand)).toHaveLength(1);
    });
  });

  describe('get', () => {
    it('returns the position without its keys and derived available', async () => {
      // Prepare
      const p = position({ onHand: 10, reserved: 3, safetyStock: 1 });
      ddbMock.on(GetCommand, { Key: { PK: 'SKU#SKU-1', SK: 'LOC#W-1' } }).resolves({ Item: stored(p) });

      // Act
      const found = await store.get('SKU-1', 'W-1');

      // Assess
      expect(found).toEqual(p);
    });

    it('reads a stored position without reservations or safety stock as zero of each', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: { PK: 'SKU#SKU-1', SK: 'LOC#W-1', skuRef: 'SKU-1', locationRef: 'W-1', onHand: 5, updatedOn: EARLIER } });

      // Act
      const found = await store.get('SKU-1', 'W-1');

      // Assess
      expect(found).toMatchObject({ reserved: 0, safetyStock: 0 });
    });

    it('returns undefined for a position that does not exist', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      const found = await store.get('SKU-1', 'NOWHERE');

      // Assess
      expect(found).toBeUndefined();
    });
  });

  describe('listBySku', () => {
    it('queries the SKU partition for its locations', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [] });

      // Act
      await store.listBySku('SKU-1');

      // Assess
      const input = ddbMock.commandCalls(QueryCommand)[0].args[0].input;
      expect(input).toMatchObject({
        TableName: TABLE,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :loc)',
        ExpressionAttributeValues: { ':pk': 'SKU#SKU-1', ':loc': 'LOC#' },
      });
      expect(input.IndexName).toBeUndefined();
    });

    it('projects only the fields of a position', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [] });

      // Act
      await store.listBySku('SKU-1');

      // Assess
      const projection = ddbMock.commandCalls(QueryCommand)[0].args[0].input.ProjectionExpression ?? '';
      expect(projection.split(',').map((name) => name.trim()).sort()).toEqual(
        ['locationRef', 'onHand', 'reserved', 'safetyStock', 'skuRef', 'updatedOn'],
      );
    });

    it('follows LastEvaluatedKey and returns the positions of every page', async () => {
      // Prepare
      const first = position({ locationRef: 'W-1' });
      const second = position({ locationRef: 'W-2', onHand: 3 });
      const cursor = { PK: 'SKU#SKU-1', SK: 'LOC#W-1' };
      const startKeys: unknown[] = [];
      const pages = [{ Items: [first], LastEvaluatedKey: cursor }, { Items: [second] }];
      ddbMock.on(QueryCommand).callsFake((input: QueryCommandInput) => {
        startKeys.push(input.ExclusiveStartKey);
        return pages.shift() ?? { Items: [] };
      });

      // Act
      const positions = await store.listBySku('SKU-1');

      // Assess
      expect(positions).toEqual([first, second]);
      expect(startKeys).toEqual([undefined, cursor]);
    });
  });

  describe('listByLocation', () => {
    it('queries GSI1 for the SKUs of the location', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [] });

      // Act
      await store.listByLocation('W-1');

      // Assess
      expect(ddbMock.commandCalls(QueryCommand)[0].args[0].input).toMatchObject({
        TableName: TABLE,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :loc AND begins_with(GSI1SK, :sku)',
        ExpressionAttributeValues: { ':loc': 'LOC#W-1', ':sku': 'SKU#' },
      });
    });

    it('returns the positions of every page without their keys', async () => {
      // Prepare
      const first = position({ skuRef: 'SKU-1' });
      const second = position({ skuRef: 'SKU-2', reserved: 1 });
      const cursor = { PK: 'SKU#SKU-1', SK: 'LOC#W-1', GSI1PK: 'LOC#W-1', GSI1SK: 'SKU#SKU-1' };
      ddbMock
        .on(QueryCommand)
        .resolvesOnce({ Items: [stored(first)], LastEvaluatedKey: cursor })
        .resolves({ Items: [stored(second)] });

      // Act
      const positions = await store.listByLocation('W-1');

      // Assess
      expect(positions).toEqual([first, second]);
      expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(2);
    });
  });
});
