import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { outboxItem } from '../../../../shared/adapters/dynamodb/engine-items';
import { DynamoOutbox } from '../../../../shared/adapters/dynamodb/outbox';
import type { OutboxRecord } from '../../../../shared/engine/engine-model';

// What DynamoDB Local cannot show: the consistency asked for, paging, throttled deletes.
const TABLE = 'ordo-unit-acct-acme';
const AT = '2025-03-01T10:00:00.000Z';
const EXPIRES_AT = 1_748_772_000;
const OF = { retailerId: 'R1', eventId: 'evt-1' };

const record = (id: string): OutboxRecord => ({
  id,
  kind: 'PUBLISH',
  eventId: 'evt-1',
  createdOn: AT,
  payload: { detailType: 'OrderBooked' },
});

const deleteOf = (r: OutboxRecord) => ({ DeleteRequest: { Key: { PK: 'EVENT#R1#evt-1', SK: `OUTBOX#${AT}#${r.id}` } } });

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
    it("reads the outbox records of the event's partition consistently, with no filter", async () => {
      // Act
      await outbox.pending(OF);

      // Assess
      expect(query()).toEqual({
        TableName: TABLE,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :outbox)',
        ExpressionAttributeValues: { ':pk': 'EVENT#R1#evt-1', ':outbox': 'OUTBOX#' },
        ConsistentRead: true,
      });
    });

    it('returns the records of every page without their table keys', async () => {
      // Prepare
      const [first, second, third] = ['out-1', 'out-2', 'out-3'].map((id) => record(id));
      const item = (r: OutboxRecord) => outboxItem(OF, r, EXPIRES_AT);
      const cursor = { PK: 'EVENT#R1#evt-1', SK: `OUTBOX#${AT}#out-2` };
      const startKeys: unknown[] = [];
      const pages = [{ Items: [item(first), item(second)], LastEvaluatedKey: cursor }, { Items: [item(third)] }];
      ddbMock.on(QueryCommand).callsFake((input: QueryCommandInput) => {
        startKeys.push(input.ExclusiveStartKey);
        return pages.shift() ?? { Items: [] };
      });

      // Act
      const pending = await outbox.pending(OF);

      // Assess
      expect(pending).toEqual([first, second, third]);
      expect(startKeys).toEqual([undefined, cursor]);
    });
  });

  describe('exists', () => {
    it("reads the record's own key consistently", async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: { PK: 'EVENT#R1#evt-1' } });

      // Act
      await outbox.exists(OF, record('out-1'));

      // Assess
      expect(ddbMock.commandCalls(GetCommand)[0].args[0].input).toMatchObject({
        TableName: TABLE,
        Key: { PK: 'EVENT#R1#evt-1', SK: `OUTBOX#${AT}#out-1` },
        ConsistentRead: true,
      });
    });

    it('says a record is still there while its item is', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: { PK: 'EVENT#R1#evt-1' } });

      // Act
      const found = await outbox.exists(OF, record('out-1'));

      // Assess
      expect(found).toBe(true);
    });

    it('says a removed record is gone', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      const found = await outbox.exists(OF, record('out-1'));

      // Assess
      expect(found).toBe(false);
    });
  });

  describe('remove', () => {
    it('sends the UnprocessedItems again until every record is deleted', async () => {
      // Prepare
      const records = [record('out-1'), record('out-2'), record('out-3')];
      const throttled = [deleteOf(records[1])];
      ddbMock
        .on(BatchWriteCommand)
        .resolvesOnce({ UnprocessedItems: { [TABLE]: throttled } })
        .resolves({ UnprocessedItems: {} });

      // Act
      await outbox.remove(OF, records);

      // Assess
      expect(sentBatches()).toEqual([records.map(deleteOf), throttled]);
    });

    it('fails when records stay unprocessed after every retry', async () => {
      // Prepare
      const records = [record('out-1')];
      ddbMock.on(BatchWriteCommand).resolves({ UnprocessedItems: { [TABLE]: records.map(deleteOf) } });

      // Act
      const attempt = outbox.remove(OF, records);

      // Assess
      await expect(attempt).rejects.toThrow('unprocessed');
    });

    it('sends nothing when there is nothing to remove', async () => {
      // Act
      await outbox.remove(OF, []);

      // Assess
      expect(ddbMock.commandCalls(BatchWriteCommand)).toHaveLength(0);
    });
  });
});
