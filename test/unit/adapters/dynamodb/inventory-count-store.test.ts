import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { DynamoInventoryCountStore } from '../../../../shared/adapters/dynamodb/dynamo-inventory-count-store';
import type { StockCount } from '../../../../shared/domain/inventory/stock-count';

const TABLE = 'ordo-unit-acct-acme';
const AT = '2025-03-14T09:00:00.000Z';

const count = (i: number): StockCount => ({
  skuRef: `SKU-${i}`,
  locationRef: 'LOC-1',
  onHand: i,
  safetyStock: 1,
  updatedOn: AT,
  appliedBy: 'batch-1#1',
});

const counts = (n: number) => Array.from({ length: n }, (_, i) => count(i));

/** The count item of inventory-items.ts, as it is put and read back. */
const item = (i: number) => ({
  PK: `SKU#SKU-${i}`,
  SK: 'LOC#LOC-1',
  GSI1PK: 'LOC#LOC-1',
  GSI1SK: `SKU#SKU-${i}`,
  skuRef: `SKU-${i}`,
  locationRef: 'LOC-1',
  onHand: i,
  safetyStock: 1,
  updatedOn: AT,
  appliedBy: 'batch-1#1',
});

const put = (i: number) => ({ PutRequest: { Item: item(i) } });
const key = (i: number) => ({ PK: `SKU#SKU-${i}`, SK: 'LOC#LOC-1' });

type Key = { PK: string; SK: string };

describe('DynamoInventoryCountStore', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const store = new DynamoInventoryCountStore(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);

  /** The requests of each BatchWriteItem call, in the order they were sent. */
  const writes = () => ddbMock.commandCalls(BatchWriteCommand).map((call) => call.args[0].input.RequestItems?.[TABLE] ?? []);
  /** The keys of each BatchGetItem call, in the order they were sent. */
  const reads = () => ddbMock.commandCalls(BatchGetCommand).map((call) => (call.args[0].input.RequestItems?.[TABLE]?.Keys ?? []) as Key[]);
  const skusOf = (requests: { PutRequest?: { Item?: Record<string, unknown> } }[]) => requests.map((request) => request.PutRequest?.Item?.skuRef);

  /** Answers a BatchGetItem with the count items of its keys, as a table holding every count would. */
  const answerWithItems = (input: { RequestItems?: Record<string, { Keys?: Record<string, unknown>[] }> }) => ({
    Responses: { [TABLE]: ((input.RequestItems?.[TABLE]?.Keys ?? []) as Key[]).map((k) => item(Number(k.PK.slice('SKU#SKU-'.length)))) },
  });

  beforeEach(() => {
    ddbMock.reset();
    ddbMock.on(BatchWriteCommand).resolves({});
    ddbMock.on(BatchGetCommand).callsFake(answerWithItems);
    // No backoff wait, so retries run at once.
    jest.spyOn(Math, 'random').mockReturnValue(0);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  afterAll(() => {
    ddbMock.restore();
  });

  describe('putCounts', () => {
    it('puts each count as its count item', async () => {
      // Act
      await store.putCounts([count(7)]);

      // Assess
      expect(writes()).toEqual([[put(7)]]);
    });

    it('writes in BatchWriteItem groups of at most 25, each count once', async () => {
      // Prepare
      const all = counts(130);

      // Act
      await store.putCounts(all);

      // Assess
      const sent = writes();
      expect(sent.map((group) => group.length).sort((a, b) => b - a)).toEqual([25, 25, 25, 25, 25, 5]);
      expect(sent.flatMap(skusOf).sort()).toEqual(all.map((each) => each.skuRef).sort());
    });

    it('retries the UnprocessedItems of a BatchWriteItem until every count is written', async () => {
      // Prepare
      const all = counts(10);
      const throttled = [put(3), put(4), put(8)];
      ddbMock
        .on(BatchWriteCommand)
        .resolvesOnce({ UnprocessedItems: { [TABLE]: throttled } })
        .resolves({ UnprocessedItems: {} });

      // Act
      await store.putCounts(all);

      // Assess
      const [first, second, ...more] = writes();
      expect(more).toEqual([]);
      expect(second).toEqual(throttled);
      const unprocessed = new Set(skusOf(throttled));
      const written = [...skusOf(first).filter((sku) => !unprocessed.has(sku)), ...skusOf(second)];
      expect(written.sort()).toEqual(all.map((each) => each.skuRef).sort());
    });

    it('gives up with an error after 8 attempts at a group that stays unprocessed', async () => {
      // Prepare
      ddbMock.on(BatchWriteCommand).resolves({ UnprocessedItems: { [TABLE]: [put(0)] } });

      // Act
      const written = store.putCounts(counts(3));

      // Assess
      await expect(written).rejects.toThrow('1 items stayed unprocessed after 8 attempts');
      expect(writes()).toHaveLength(8);
    });

    it('sends nothing when there is no count to write', async () => {
      // Act
      await store.putCounts([]);

      // Assess
      expect(ddbMock.calls()).toHaveLength(0);
    });
  });

  describe('getCounts', () => {
    it('reads the counts of the positions, keyed by sku and location', async () => {
      // Act
      const found = await store.getCounts([{ skuRef: 'SKU-2', locationRef: 'LOC-1' }]);

      // Assess
      expect([...found.entries()]).toEqual([['SKU-2|LOC-1', count(2)]]);
    });

    it('leaves out positions that have no count', async () => {
      // Prepare
      ddbMock.on(BatchGetCommand).resolves({ Responses: { [TABLE]: [item(1)] } });

      // Act
      const found = await store.getCounts([
        { skuRef: 'SKU-1', locationRef: 'LOC-1' },
        { skuRef: 'SKU-2', locationRef: 'LOC-1' },
      ]);

      // Assess
      expect([...found.keys()]).toEqual(['SKU-1|LOC-1']);
    });

    it('reads in BatchGetItem groups of at most 100 keys, each position once', async () => {
      // Prepare
      const positions = counts(250);

      // Act
      const found = await store.getCounts(positions);

      // Assess
      expect(reads().map((keys) => keys.length).sort((a, b) => b - a)).toEqual([100, 100, 50]);
      expect(reads().flat().sort((a, b) => a.PK.localeCompare(b.PK))).toEqual(positions.map((_, i) => key(i)).sort((a, b) => a.PK.localeCompare(b.PK)));
      expect(found.size).toBe(250);
    });

    it('reads consistently, so a chunk sees the counts a chunk before it wrote', async () => {
      // Act
      await store.getCounts(counts(3));

      // Assess
      expect(ddbMock.commandCalls(BatchGetCommand)[0].args[0].input.RequestItems?.[TABLE]).toMatchObject({ ConsistentRead: true });
    });

    it('retries the UnprocessedKeys of a BatchGetItem until every count is read', async () => {
      // Prepare
      ddbMock
        .on(BatchGetCommand)
        .callsFakeOnce(() => ({
          Responses: { [TABLE]: [item(0), item(2)] },
          UnprocessedKeys: { [TABLE]: { Keys: [key(1), key(3)], ConsistentRead: true } },
        }))
        .callsFake(answerWithItems);

      // Act
      const found = await store.getCounts(counts(4));

      // Assess
      expect(reads()).toEqual([[key(0), key(1), key(2), key(3)], [key(1), key(3)]]);
      expect([...found.keys()].sort()).toEqual(['SKU-0|LOC-1', 'SKU-1|LOC-1', 'SKU-2|LOC-1', 'SKU-3|LOC-1']);
    });

    it('gives up with an error after 8 attempts at keys that stay unread', async () => {
      // Prepare
      ddbMock.on(BatchGetCommand).resolves({ Responses: { [TABLE]: [] }, UnprocessedKeys: { [TABLE]: { Keys: [key(0)] } } });

      // Act
      const read = store.getCounts(counts(1));

      // Assess
      await expect(read).rejects.toThrow('1 counts stayed unread after 8 attempts');
      expect(reads()).toHaveLength(8);
    });

    it('sends nothing when no position is asked for', async () => {
      // Act
      const found = await store.getCounts([]);

      // Assess
      expect(found.size).toBe(0);
      expect(ddbMock.calls()).toHaveLength(0);
    });
  });
});
