import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { summaryItem } from '../../../../shared/adapters/dynamodb/availability-summary-items';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { DynamoStockReader } from '../../../../shared/adapters/dynamodb/dynamo-stock-reader';
import { COUNT_UPDATED_ON, countItem, reservationItem } from '../../../support/inventory-items';

const TABLE = 'ordo-unit-acct-acme';

/** A summary of one SKU with one counted location. */
const summaryOf = (skuRef: string, locationRef: string, onHand: number, reserved = 0) =>
  summaryItem({ skuRef, version: 1, figures: new Map([[locationRef, { count: { onHand, safetyStock: 0 }, reserved }]]) });

describe('DynamoStockReader', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const client = createDocumentClient(new DynamoDBClient({ region: 'us-east-1' }));

  const queriedPartitions = () =>
    ddbMock.commandCalls(QueryCommand).map((call) => call.args[0].input.ExpressionAttributeValues?.[':pk'] as string);
  /** The table answers a Query of a SKU's partition with these items. */
  const partitionHolds = (skuRef: string, items: Record<string, unknown>[]) =>
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': `SKU#${skuRef}` } }).resolves({ Items: items });
  const summariesHeld = (...items: Record<string, unknown>[]) => ddbMock.on(BatchGetCommand).resolves({ Responses: { [TABLE]: items } });

  beforeEach(() => {
    ddbMock.reset();
    ddbMock.on(BatchGetCommand).resolves({ Responses: { [TABLE]: [] } });
    ddbMock.on(QueryCommand).resolves({ Items: [] });
  });

  afterAll(() => {
    ddbMock.restore();
  });

  describe('from the read model', () => {
    const reader = new DynamoStockReader(client, TABLE, 'summary');

    it('reads a changed summary afresh even at the version it read before, as after the summary was built again', async () => {
      // Prepare
      const fresh = new DynamoStockReader(client, TABLE, 'summary');
      summariesHeld(summaryOf('TEE', 'W1', 5));
      await fresh.positions(['TEE']);
      summariesHeld(summaryOf('TEE', 'W1', 2));

      // Act
      const positions = await fresh.positions(['TEE']);

      // Assess
      expect(positions).toEqual([{ skuRef: 'TEE', locationRef: 'W1', onHand: 2, reserved: 0, safetyStock: 0, available: 2 }]);
    });

    it('hands out the positions it unpacked before while the summary is unchanged', async () => {
      // Prepare
      const fresh = new DynamoStockReader(client, TABLE, 'summary');
      summariesHeld(summaryOf('TEE', 'W1', 5));
      const [first] = await fresh.positions(['TEE']);

      // Act
      const [again] = await fresh.positions(['TEE']);

      // Assess
      expect(again).toBe(first);
      expect(Object.isFrozen(again)).toBe(true);
    });

    it('reads the summaries of every SKU in one BatchGetItem and queries no partition', async () => {
      // Prepare
      summariesHeld(summaryOf('TEE', 'W1', 5, 1), summaryOf('CAP', 'W2', 3));

      // Act
      const positions = await reader.positions(['TEE', 'CAP', 'TEE']);

      // Assess
      expect(ddbMock.commandCalls(BatchGetCommand)).toHaveLength(1);
      expect(ddbMock.commandCalls(BatchGetCommand)[0].args[0].input.RequestItems?.[TABLE]).toMatchObject({
        Keys: [
          { PK: 'AVAIL#TEE', SK: 'SUMMARY' },
          { PK: 'AVAIL#CAP', SK: 'SUMMARY' },
        ],
        ConsistentRead: true,
      });
      expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(0);
      expect(positions).toEqual([
        { skuRef: 'TEE', locationRef: 'W1', onHand: 5, reserved: 1, safetyStock: 0, available: 4 },
        { skuRef: 'CAP', locationRef: 'W2', onHand: 3, reserved: 0, safetyStock: 0, available: 3 },
      ]);
    });

    it('reads a SKU without a summary with a consistent Query of its partition', async () => {
      // Prepare
      summariesHeld(summaryOf('TEE', 'W1', 5));
      partitionHolds('CAP', [countItem('CAP', 'W2', 3), reservationItem('CAP', 'W2', 1)]);

      // Act
      const positions = await reader.positions(['TEE', 'CAP']);

      // Assess
      expect(queriedPartitions()).toEqual(['SKU#CAP']);
      expect(ddbMock.commandCalls(QueryCommand)[0].args[0].input).toMatchObject({ TableName: TABLE, ConsistentRead: true });
      expect(positions).toEqual([
        { skuRef: 'TEE', locationRef: 'W1', onHand: 5, reserved: 0, safetyStock: 0, available: 5 },
        { skuRef: 'CAP', locationRef: 'W2', onHand: 3, reserved: 1, safetyStock: 0, available: 2, updatedOn: COUNT_UPDATED_ON },
      ]);
    });

    it('reads a SKU whose summary overflowed with a consistent Query of its partition', async () => {
      // Prepare
      summariesHeld({ PK: 'AVAIL#TEE', SK: 'SUMMARY', skuRef: 'TEE', version: 4, overflow: true });
      partitionHolds('TEE', [countItem('TEE', 'W1', 7)]);

      // Act
      const positions = await reader.positions(['TEE']);

      // Assess
      expect(queriedPartitions()).toEqual(['SKU#TEE']);
      expect(positions).toEqual([{ skuRef: 'TEE', locationRef: 'W1', onHand: 7, reserved: 0, safetyStock: 0, available: 7, updatedOn: COUNT_UPDATED_ON }]);
    });

    it('reads exactly when asked to, whatever its default', async () => {
      // Prepare
      summariesHeld(summaryOf('TEE', 'W1', 5));
      partitionHolds('TEE', [countItem('TEE', 'W1', 2)]);

      // Act
      const positions = await reader.positions(['TEE'], 'exact');

      // Assess
      expect(ddbMock.commandCalls(BatchGetCommand)).toHaveLength(0);
      expect(positions).toEqual([{ skuRef: 'TEE', locationRef: 'W1', onHand: 2, reserved: 0, safetyStock: 0, available: 2, updatedOn: COUNT_UPDATED_ON }]);
    });

    it('reads nothing for no SKUs', async () => {
      // Act
      const positions = await reader.positions([]);

      // Assess
      expect(positions).toEqual([]);
      expect(ddbMock.commandCalls(BatchGetCommand)).toHaveLength(0);
      expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(0);
    });
  });

  describe('exactly', () => {
    const reader = new DynamoStockReader(client, TABLE);

    it('reads each SKU with a consistent Query of its partition and no summary', async () => {
      // Prepare
      partitionHolds('TEE', [countItem('TEE', 'W1', 5)]);
      partitionHolds('CAP', [countItem('CAP', 'W1', 1)]);

      // Act
      const positions = await reader.positions(['TEE', 'CAP']);

      // Assess
      expect(ddbMock.commandCalls(BatchGetCommand)).toHaveLength(0);
      expect(queriedPartitions()).toEqual(['SKU#TEE', 'SKU#CAP']);
      expect(positions.map((position) => [position.skuRef, position.onHand])).toEqual([
        ['TEE', 5],
        ['CAP', 1],
      ]);
    });
  });
});
