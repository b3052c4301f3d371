import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { DynamoInventoryStore } from '../../../../shared/adapters/dynamodb/dynamo-inventory-store';
import type { StockPosition } from '../../../../shared/engine/engine-model';
import { countItem, reservationItem } from '../../../support/inventory-items';
import { RecordingStockSummaries } from '../../../support/stock-summaries';

const TABLE = 'ordo-unit-acct-acme';
const EARLIER = '2025-03-01T10:00:00.000Z';
const NOW = '2025-03-02T10:00:00.000Z';
const COUNT_KEY = { PK: 'SKU#SKU-1', SK: 'LOC#W-1' };
const RESERVATION_KEY = { PK: 'SKU#SKU-1', SK: 'RES#W-1' };

const position = (overrides: Partial<Omit<StockPosition, 'available'>> = {}): Omit<StockPosition, 'available'> => ({
  skuRef: 'SKU-1',
  locationRef: 'W-1',
  onHand: 10,
  reserved: 0,
  safetyStock: 0,
  updatedOn: EARLIER,
  ...overrides,
});

/** The count item of a position as the table holds it. */
const countItemOf = (p: Omit<StockPosition, 'available'>) => countItem(p.skuRef, p.locationRef, p.onHand, p.safetyStock, p.updatedOn);

/** The reservation item of a position as the engine's transactions leave it. */
const reservationItemOf = (p: Omit<StockPosition, 'available'>) => reservationItem(p.skuRef, p.locationRef, p.reserved);

describe('DynamoInventoryStore', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const store = new DynamoInventoryStore(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);

  const putInput = (call = 0) => ddbMock.commandCalls(PutCommand)[call].args[0].input;
  /** The table holds this position: its count item, and its reservation item when something is reserved. */
  const holds = (p: Omit<StockPosition, 'available'>) => {
    ddbMock.on(GetCommand, { Key: COUNT_KEY }).resolves({ Item: countItemOf(p) });
    ddbMock.on(GetCommand, { Key: RESERVATION_KEY }).resolves(p.reserved > 0 ? { Item: reservationItemOf(p) } : {});
  };

  beforeEach(() => {
    ddbMock.reset();
    ddbMock.on(GetCommand).resolves({});
    ddbMock.on(PutCommand).resolves({});
  });

  afterAll(() => {
    ddbMock.restore();
  });

  describe('setCount', () => {
    it('puts the count item keyed by SKU and location, indexed by location, without a condition', async () => {
      // Act
      await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 10, safetyStock: 2 }, NOW);

      // Assess
      expect(putInput()).toEqual({
        TableName: TABLE,
        Item: countItemOf(position({ onHand: 10, safetyStock: 2, updatedOn: NOW })),
      });
    });

    it('writes neither reserved nor available on the count item, so the reservations stay as they are', async () => {
      // Prepare
      holds(position({ reserved: 3 }));

      // Act
      await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 12 }, NOW);

      // Assess
      expect(putInput().Item).not.toHaveProperty('reserved');
      expect(putInput().Item).not.toHaveProperty('available');
      expect(ddbMock.commandCalls(PutCommand)).toHaveLength(1);
      expect(ddbMock.commandCalls(UpdateCommand)).toHaveLength(0);
      expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
    });

    it('returns a new position with nothing reserved', async () => {
      // Act
      const written = await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 7 }, NOW);

      // Assess
      expect(written).toEqual(position({ onHand: 7, reserved: 0, safetyStock: 0, updatedOn: NOW }));
    });

    it('returns the new count with the reservations of the existing position', async () => {
      // Prepare
      holds(position({ onHand: 10, reserved: 3 }));

      // Act
      const written = await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 12 }, NOW);

      // Assess
      expect(written).toEqual(position({ onHand: 12, reserved: 3, updatedOn: NOW }));
    });

    it('accepts a recount below the reservations, keeping them', async () => {
      // Prepare
      holds(position({ onHand: 10, reserved: 3 }));

      // Act
      const written = await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 2 }, NOW);

      // Assess
      expect(putInput().Item).toMatchObject({ onHand: 2 });
      expect(written).toMatchObject({ onHand: 2, reserved: 3 });
    });

    it('keeps the safety stock of an existing position when the count does not give one', async () => {
      // Prepare
      holds(position({ safetyStock: 4 }));

      // Act
      const written = await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 12 }, NOW);

      // Assess
      expect(written.safetyStock).toBe(4);
      expect(putInput().Item).toMatchObject({ safetyStock: 4 });
    });

    it('replaces the safety stock of an existing position when the count gives one', async () => {
      // Prepare
      holds(position({ safetyStock: 4 }));

      // Act
      await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 12, safetyStock: 0 }, NOW);

      // Assess
      expect(putInput().Item).toMatchObject({ safetyStock: 0 });
    });

    it('reads the position before it writes the count', async () => {
      // Act
      await store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 10 }, NOW);

      // Assess
      const sent = ddbMock.calls().map((call) => call.args[0].constructor.name);
      expect(sent).toEqual(['GetCommand', 'GetCommand', 'PutCommand']);
    });

    it('lets a DynamoDB failure through without retrying', async () => {
      // Prepare
      const throttled = new Error('Rate exceeded');
      ddbMock.on(PutCommand).rejects(throttled);

      // Act
      const attempt = store.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 10 }, NOW);

      // Assess
      await expect(attempt).rejects.toBe(throttled);
      expect(ddbMock.commandCalls(PutCommand)).toHaveLength(1);
    });
  });

  describe('setCount with the availability read model', () => {
    const summaries = new RecordingStockSummaries();
    const summarised = new DynamoInventoryStore(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE, summaries);

    it('writes the new count through to the SKU summary, without building one the SKU lacks', async () => {
      // Prepare
      holds(position({ safetyStock: 4 }));

      // Act
      await summarised.setCount({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 12 }, NOW);

      // Assess
      expect(summaries.applied).toEqual([{ skuRef: 'SKU-1', locationRef: 'W-1', part: 'count', count: { onHand: 12, safetyStock: 4 } }]);
      expect(summaries.builds).toEqual([false]);
    });
  });

  describe('get', () => {
    it('joins the count and the reservation item into the position', async () => {
      // Prepare
      const p = position({ onHand: 10, reserved: 3, safetyStock: 1 });
      holds(p);

      // Act
      const found = await store.get('SKU-1', 'W-1');

      // Assess
      expect(found).toEqual(p);
    });

    it('reads the count and the reservation item consistently', async () => {
      // Act
      await store.get('SKU-1', 'W-1');

      // Assess
      const inputs = ddbMock.commandCalls(GetCommand).map((call) => call.args[0].input);
      expect(inputs).toEqual(
        expect.arrayContaining([
          { TableName: TABLE, Key: COUNT_KEY, ConsistentRead: true },
          { TableName: TABLE, Key: RESERVATION_KEY, ConsistentRead: true },
        ]),
      );
      expect(inputs).toHaveLength(2);
    });

    it('reads a count without a reservation item as nothing reserved', async () => {
      // Prepare
      holds(position({ onHand: 5, reserved: 0 }));

      // Act
      const found = await store.get('SKU-1', 'W-1');

      // Assess
      expect(found).toMatchObject({ onHand: 5, reserved: 0 });
    });

    it('reads a count without a safety stock as a safety stock of zero', async () => {
      // Prepare
      const { safetyStock: _omitted, ...item } = countItemOf(position({ safetyStock: 3 }));
      ddbMock.on(GetCommand, { Key: COUNT_KEY }).resolves({ Item: item });

      // Act
      const found = await store.get('SKU-1', 'W-1');

      // Assess
      expect(found?.safetyStock).toBe(0);
    });

    it('returns undefined for a position without a count, even with a reservation item', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: RESERVATION_KEY }).resolves({ Item: reservationItemOf(position({ reserved: 2 })) });

      // Act
      const found = await store.get('SKU-1', 'W-1');

      // Assess
      expect(found).toBeUndefined();
    });

    it('returns undefined for a position that does not exist', async () => {
      // Act
      const found = await store.get('SKU-1', 'NOWHERE');

      // Assess
      expect(found).toBeUndefined();
    });
  });

  describe('listBySku', () => {
    it('projects the fields of a position and the sort key that tells counts from reservations', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [] });

      // Act
      await store.listBySku('SKU-1');

      // Assess
      const projection = ddbMock.commandCalls(QueryCommand)[0].args[0].input.ProjectionExpression ?? '';
      expect(projection.split(',').map((name) => name.trim()).sort()).toEqual(
        ['SK', 'locationRef', 'onHand', 'reserved', 'safetyStock', 'skuRef', 'updatedOn'],
      );
    });

    it('follows LastEvaluatedKey and joins counts and reservations across pages', async () => {
      // Prepare
      const first = position({ locationRef: 'W-1', reserved: 2 });
      const second = position({ locationRef: 'W-2', onHand: 3 });
      const cursor = { PK: 'SKU#SKU-1', SK: 'LOC#W-2' };
      const startKeys: unknown[] = [];
      const pages = [{ Items: [countItemOf(first), countItemOf(second)], LastEvaluatedKey: cursor }, { Items: [reservationItemOf(first)] }];
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
    it('returns the positions of every page, each joined with its reservations, without their keys', async () => {
      // Prepare
      const first = position({ skuRef: 'SKU-1' });
      const second = position({ skuRef: 'SKU-2', reserved: 1 });
      const cursor = { PK: 'SKU#SKU-2', SK: 'RES#W-1', GSI1PK: 'LOC#W-1', GSI1SK: 'RES#SKU-2' };
      // On GSI1, RES#<sku> sorts before SKU#<sku>: the reservations come first.
      ddbMock
        .on(QueryCommand)
        .resolvesOnce({ Items: [reservationItemOf(second)], LastEvaluatedKey: cursor })
        .resolves({ Items: [countItemOf(first), countItemOf(second)] });

      // Act
      const positions = await store.listByLocation('W-1');

      // Assess
      expect(positions).toEqual([first, second]);
      expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(2);
    });

    it('leaves out a reservation item whose count does not exist', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [reservationItemOf(position({ skuRef: 'SKU-9', reserved: 2 })), countItemOf(position())] });

      // Act
      const positions = await store.listByLocation('W-1');

      // Assess
      expect(positions.map((p) => p.skuRef)).toEqual(['SKU-1']);
    });
  });
});
