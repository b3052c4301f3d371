import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { summaryItem, type SummaryFigures } from '../../../../shared/adapters/dynamodb/availability-summary-items';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { DynamoStockSummaries } from '../../../../shared/adapters/dynamodb/dynamo-stock-summaries';
import { countItem, reservationItem } from '../../../support/inventory-items';

const TABLE = 'ordo-unit-acct-acme';
const SUMMARY_KEY = { PK: 'AVAIL#TEE', SK: 'SUMMARY' };

const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
const figuresOf = (entries: Record<string, SummaryFigures>) => new Map(Object.entries(entries));
/** The summary item of TEE as the table holds it. */
const storedSummary = (version: number, entries: Record<string, SummaryFigures>) => summaryItem({ skuRef: 'TEE', version, figures: figuresOf(entries) });

describe('DynamoStockSummaries', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const summaries = new DynamoStockSummaries(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);

  const puts = () => ddbMock.commandCalls(PutCommand).map((call) => call.args[0].input);

  beforeEach(() => {
    ddbMock.reset();
    ddbMock.on(GetCommand).resolves({});
    ddbMock.on(PutCommand).resolves({});
    ddbMock.on(QueryCommand).resolves({ Items: [] });
  });

  afterAll(() => {
    ddbMock.restore();
  });

  describe('apply', () => {
    it('writes the changed figures over the stored summary, conditioned on the version it read', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: storedSummary(3, { W1: { count: { onHand: 10, safetyStock: 1 }, reserved: 1 } }) });

      // Act
      await summaries.apply([{ skuRef: 'TEE', locationRef: 'W1', part: 'reservation', reserved: 2 }]);

      // Assess
      expect(puts()).toEqual([
        {
          TableName: TABLE,
          Item: storedSummary(4, { W1: { count: { onHand: 10, safetyStock: 1 }, reserved: 2 } }),
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': 3 },
        },
      ]);
    });

    it('reads the summary consistently, so it patches the latest version written', async () => {
      // Act
      await summaries.apply([{ skuRef: 'TEE', locationRef: 'W1', part: 'reservation', reserved: 2 }]);

      // Assess
      expect(ddbMock.commandCalls(GetCommand).map((call) => call.args[0].input)).toEqual([
        { TableName: TABLE, Key: SUMMARY_KEY, ConsistentRead: true },
      ]);
    });

    it('applies the changes of one SKU in order, in one write', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: storedSummary(1, { W1: { count: { onHand: 10, safetyStock: 0 }, reserved: 0 } }) });

      // Act
      await summaries.apply([
        { skuRef: 'TEE', locationRef: 'W1', part: 'reservation', reserved: 1 },
        { skuRef: 'TEE', locationRef: 'W2', part: 'count', count: { onHand: 6, safetyStock: 2 } },
        { skuRef: 'TEE', locationRef: 'W1', part: 'reservation', reserved: 3 },
        { skuRef: 'TEE', locationRef: 'W1', part: 'count' },
      ]);

      // Assess
      expect(puts()).toHaveLength(1);
      expect(puts()[0].Item).toEqual(storedSummary(2, { W1: { reserved: 3 }, W2: { count: { onHand: 6, safetyStock: 2 }, reserved: 0 } }));
    });

    it('writes one summary per SKU the changes touch', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: undefined });

      // Act
      await summaries.apply([
        { skuRef: 'TEE', locationRef: 'W1', part: 'reservation', reserved: 1 },
        { skuRef: 'CAP', locationRef: 'W1', part: 'reservation', reserved: 1 },
      ]);

      // Assess
      expect(puts().map((put) => put.Item?.PK).sort()).toEqual(['AVAIL#CAP', 'AVAIL#TEE']);
    });

    it('builds a missing summary from the SKU partition read exactly, written only if none appeared meanwhile', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [countItem('TEE', 'W1', 10, 2), reservationItem('TEE', 'W1', 3), countItem('TEE', 'W2', 4)] });

      // Act
      await summaries.apply([{ skuRef: 'TEE', locationRef: 'W1', part: 'reservation', reserved: 3 }], { build: true });

      // Assess
      expect(ddbMock.commandCalls(QueryCommand)[0].args[0].input).toMatchObject({
        TableName: TABLE,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'SKU#TEE' },
        ConsistentRead: true,
      });
      expect(puts()).toEqual([
        {
          TableName: TABLE,
          Item: storedSummary(1, {
            W1: { count: { onHand: 10, safetyStock: 2 }, reserved: 3 },
            W2: { count: { onHand: 4, safetyStock: 0 }, reserved: 0 },
          }),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      ]);
    });

    it('leaves a missing summary unbuilt when not asked to build one', async () => {
      // Act
      await summaries.apply([{ skuRef: 'TEE', locationRef: 'W1', part: 'count', count: { onHand: 5, safetyStock: 0 } }], { build: false });

      // Assess
      expect(puts()).toEqual([]);
      expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(0);
    });

    it('reads the summary again and writes over the newer version when another writer got there first', async () => {
      // Prepare
      ddbMock
        .on(GetCommand)
        .resolvesOnce({ Item: storedSummary(3, { W1: { count: { onHand: 10, safetyStock: 0 }, reserved: 1 } }) })
        .resolves({ Item: storedSummary(4, { W1: { count: { onHand: 10, safetyStock: 0 }, reserved: 1 }, W2: { reserved: 5 } }) });
      ddbMock.on(PutCommand).rejectsOnce(conditionFailed()).resolves({});

      // Act
      await summaries.apply([{ skuRef: 'TEE', locationRef: 'W1', part: 'reservation', reserved: 2 }]);

      // Assess
      expect(puts()).toHaveLength(2);
      expect(puts()[1]).toMatchObject({
        Item: storedSummary(5, { W1: { count: { onHand: 10, safetyStock: 0 }, reserved: 2 }, W2: { reserved: 5 } }),
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':version': 4 },
      });
    });

    it('leaves an overflowed summary as it is, its SKU being read exactly', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: { ...SUMMARY_KEY, skuRef: 'TEE', version: 9, overflow: true } });

      // Act
      await summaries.apply([{ skuRef: 'TEE', locationRef: 'W1', part: 'reservation', reserved: 2 }]);

      // Assess
      expect(puts()).toEqual([]);
      expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(0);
    });

    it('gives up with an error naming the SKU after ten refused writes', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: storedSummary(3, { W1: { reserved: 1 } }) });
      ddbMock.on(PutCommand).rejects(conditionFailed());

      // Act
      const applying = summaries.apply([{ skuRef: 'TEE', locationRef: 'W1', part: 'reservation', reserved: 2 }]);

      // Assess
      await expect(applying).rejects.toThrow(/TEE/);
      expect(puts()).toHaveLength(10);
    });

    it('passes on an error other than a refused condition without trying again', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: storedSummary(3, { W1: { reserved: 1 } }) });
      ddbMock.on(PutCommand).rejects(new Error('throttled'));

      // Act
      const applying = summaries.apply([{ skuRef: 'TEE', locationRef: 'W1', part: 'reservation', reserved: 2 }]);

      // Assess
      await expect(applying).rejects.toThrow('throttled');
      expect(puts()).toHaveLength(1);
    });
  });

  describe('rebuild', () => {
    it('writes the figures read exactly, whatever the summary held', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: storedSummary(5, { W1: { count: { onHand: 99, safetyStock: 0 }, reserved: 0 }, OLD: { reserved: 4 } }) });
      ddbMock.on(QueryCommand).resolves({ Items: [countItem('TEE', 'W1', 3, 1), reservationItem('TEE', 'W1', 1)] });

      // Act
      await summaries.rebuild(['TEE']);

      // Assess
      expect(puts()).toEqual([
        {
          TableName: TABLE,
          Item: storedSummary(6, { W1: { count: { onHand: 3, safetyStock: 1 }, reserved: 1 } }),
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': 5 },
        },
      ]);
    });

    it('rebuilds an overflowed summary from the exact figures', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: { ...SUMMARY_KEY, skuRef: 'TEE', version: 9, overflow: true } });
      ddbMock.on(QueryCommand).resolves({ Items: [countItem('TEE', 'W1', 3)] });

      // Act
      await summaries.rebuild(['TEE']);

      // Assess
      expect(puts()[0].Item).toEqual(storedSummary(10, { W1: { count: { onHand: 3, safetyStock: 0 }, reserved: 0 } }));
    });

    it('rebuilds a SKU named twice once', async () => {
      // Act
      await summaries.rebuild(['TEE', 'TEE']);

      // Assess
      expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(1);
      expect(puts()).toHaveLength(1);
    });
  });
});
