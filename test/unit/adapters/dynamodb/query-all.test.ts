import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { queryAll } from '../../../../shared/adapters/dynamodb/query-all';

const TABLE = 'ordo-unit-acct-acme';

const item = (n: number) => ({ PK: 'P', SK: `S#${n}`, n });
const keyOf = (n: number) => ({ PK: 'P', SK: `S#${n}` });

describe('queryAll', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const client = createDocumentClient(new DynamoDBClient({ region: 'us-east-1' }));

  /** What each Query was sent, copied when sent: the SDK paginator reuses one input object across pages. */
  let sent: QueryCommandInput[];
  const serve = (pages: { Items?: Record<string, unknown>[]; LastEvaluatedKey?: Record<string, unknown> }[]) =>
    ddbMock.on(QueryCommand).callsFake((input: QueryCommandInput) => {
      sent.push({ ...input });
      return pages.shift() ?? {};
    });

  beforeEach(() => {
    ddbMock.reset();
    sent = [];
  });

  afterAll(() => {
    ddbMock.restore();
  });

  it('follows LastEvaluatedKey until a page has none and returns the items of every page in order', async () => {
    // Prepare
    serve([
      { Items: [item(1), item(2)], LastEvaluatedKey: keyOf(2) },
      { Items: [item(3)], LastEvaluatedKey: keyOf(3) },
      { Items: [item(4)] },
    ]);

    // Act
    const items = await queryAll(client, { TableName: TABLE, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'P' } });

    // Assess
    expect(items).toEqual([item(1), item(2), item(3), item(4)]);
    expect(sent.map((input) => input.ExclusiveStartKey)).toEqual([undefined, keyOf(2), keyOf(3)]);
  });

  it('sends the same query on every page', async () => {
    // Prepare
    serve([{ Items: [item(1)], LastEvaluatedKey: keyOf(1) }, { Items: [item(2)] }]);
    const input = { TableName: TABLE, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'P' } };

    // Act
    await queryAll(client, { ...input });

    // Assess
    expect(sent).toHaveLength(2);
    sent.forEach((page) => expect(page).toMatchObject(input));
  });

  it('goes on past a page that a filter left empty', async () => {
    // Prepare
    serve([{ Items: [], LastEvaluatedKey: keyOf(1) }, { Items: [item(2)] }]);

    // Act
    const items = await queryAll(client, { TableName: TABLE, KeyConditionExpression: 'PK = :pk', FilterExpression: 'n > :n', ExpressionAttributeValues: { ':pk': 'P', ':n': 1 } });

    // Assess
    expect(items).toEqual([item(2)]);
  });

  it('returns an empty list when the query matches nothing', async () => {
    // Prepare
    serve([{}]);

    // Act
    const items = await queryAll(client, { TableName: TABLE, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'P' } });

    // Assess
    expect(items).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it('lets a failure on a later page through', async () => {
    // Prepare
    const throttled = new Error('Rate exceeded');
    ddbMock.on(QueryCommand).resolvesOnce({ Items: [item(1)], LastEvaluatedKey: keyOf(1) }).rejects(throttled);

    // Act
    const attempt = queryAll(client, { TableName: TABLE, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'P' } });

    // Assess
    await expect(attempt).rejects.toBe(throttled);
  });
});
