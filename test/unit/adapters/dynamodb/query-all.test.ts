import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { queryAll } from '../../../../shared/adapters/dynamodb/query-all';

const TABLE = 'ordo-unit-acct-acme';

const item = (n: number) => ({ PK: 'P', SK: `S#${n}`, n });
const keyOf = (n: number) => ({ PK: 'P', SK: `S#${n}` });

describe('queryAll', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const client = createDocumentClient(new DynamoDBClient({ region: 'us-east-1' }));

  beforeEach(() => {
    ddbMock.reset();
  });

  afterAll(() => {
    ddbMock.restore();
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
