import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { outboxItem } from '../../../../shared/adapters/dynamodb/engine-items';
import { DynamoOutbox } from '../../../../shared/adapters/dynamodb/outbox';
import type { OutboxRecord } from '../../../../shared/engine/engine-model';

const TABLE = 'ordo-unit-acct-acme';
const AT = '2025-03-01T10:00:00.000Z';

const record = (id: string, eventId = 'evt-1'): OutboxRecord => ({
  id,
  kind: 'PUBLISH',
  eventId,
  createdOn: AT,
  payload: { detailType: 'OrderBooked' },
});

const deleteOf = (r: OutboxRecord) => ({ DeleteRequest: { Key: { PK: 'OUTBOX', SK: `${AT}#${r.id}` } } });

describe('DynamoOutbox', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const outbox = new DynamoOutbox(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);

  const query = (call = 0) => ddbMock.commandCalls(QueryCommand)[call].args[0].input;
  const sentBatches = () => ddbMock.commandCalls(BatchWriteCommand).map((call) => call.args[0].input.RequestItems?.[TABLE] ?? []);

  beforeEach(() => {
    ddbMock.reset();
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    ddbMock.on(BatchWriteCommand).resolves({});
    // No backoff wait, so retries run at once.
    jest.spyOn(Math, 'random').mockReturnValue(0);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  afterAll(() => {
    ddbMock.restore();
  });

  describe('pending', () => {
    it('reads the outbox partition consistently', async () => {
      // Act
      await outbox.pending();

      // Assess
      expect(query()).toMatchObject({
        TableName: TABLE,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'OUTBOX' },
        ConsistentRead: true,
      });
    });

    it('returns the records of every page without their table keys', async () => {
      // Prepare
      const [first, second, third] = ['out-1', 'out-2', 'out-3'].map((id) => record(id));
      const cursor = { PK: 'OUTBOX', SK: `${AT}#out-2` };
      const startKeys: unknown[] = [];
      const pages = [{ Items: [outboxItem(first), outboxItem(second)], LastEvaluatedKey: cursor }, { Items: [outboxItem(third)] }];
      ddbMock.on(QueryCommand).callsFake((input: QueryCommandInput) => {
        startKeys.push(input.ExclusiveStartKey);
        return pages.shift() ?? { Items: [] };
      });

      // Act
      const pending = await outbox.pending();

      // Assess
      expect(pending).toEqual([first, second, third]);
      expect(startKeys).toEqual([undefined, cursor]);
    });
  });

  describe('remove', () => {
    it('deletes each record by its outbox key in one BatchWriteItem call', async () => {
      // Prepare
      const records = [record('out-1'), record('out-2')];

      // Act
      await outbox.remove(records);

      // Assess
      expect(sentBatches()).toEqual([records.map(deleteOf)]);
    });

    it('sends the UnprocessedItems again until every record is deleted', async () => {
      // Prepare
      const records = [record('out-1'), record('out-2'), record('out-3')];
      const throttled = [deleteOf(records[1])];
      ddbMock
        .on(BatchWriteCommand)
        .resolvesOnce({ UnprocessedItems: { [TABLE]: throttled } })
        .resolves({ UnprocessedItems: {} });

      // Act
      await outbox.remove(records);

      // Assess
      expect(sentBatches()).toEqual([records.map(deleteOf), throttled]);
    });

    it('fails when records stay unprocessed after every retry', async () => {
      // Prepare
      const records = [record('out-1')];
      ddbMock.on(BatchWriteCommand).resolves({ UnprocessedItems: { [TABLE]: records.map(deleteOf) } });

      // Act
      const attempt = outbox.remove(records);

      // Assess
      await expect(attempt).rejects.toThrow('unprocessed');
    });

    it('sends nothing when there is nothing to remove', async () => {
      // Act
      await outbox.remove([]);

      // Assess
      expect(ddbMock.commandCalls(BatchWriteCommand)).toHaveLength(0);
    });
  });
});
