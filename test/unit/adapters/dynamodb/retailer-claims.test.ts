import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { DynamoRetailerClaims } from '../../../../shared/adapters/dynamodb/dynamo-retailer-claims';

const TABLE = 'ordo-unit-acct-acme';

describe('DynamoRetailerClaims', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const claims = new DynamoRetailerClaims(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);
  const query = (call = 0) => ddbMock.commandCalls(QueryCommand)[call].args[0].input;

  beforeEach(() => {
    ddbMock.reset();
  });

  afterAll(() => {
    ddbMock.restore();
  });

  it("reads the ref's claim partition consistently and lists its retailers, sorted", async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [{ retailerId: 'r2' }, { retailerId: 'r#1' }] });

    // Act
    const retailers = await claims.retailersOfRoot('ORDER', 'O-1');

    // Assess
    expect(retailers).toEqual(['r#1', 'r2']);
    expect(query()).toMatchObject({
      TableName: TABLE,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': 'REF#ORDER#O-1' },
      ConsistentRead: true,
    });
  });

  it("reads the event id's claim partition, page by page", async () => {
    // Prepare
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ retailerId: 'r1' }], LastEvaluatedKey: { PK: 'EVENTID#e1', SK: 'r1' } })
      .resolvesOnce({ Items: [{ retailerId: 'r2' }] });

    // Act
    const retailers = await claims.retailersOfEvent('e1');

    // Assess
    expect(retailers).toEqual(['r1', 'r2']);
    expect(query(0).ExpressionAttributeValues).toEqual({ ':pk': 'EVENTID#e1' });
    expect(query(1).ExclusiveStartKey).toEqual({ PK: 'EVENTID#e1', SK: 'r1' });
  });

  it('lists no retailer for a ref nobody holds', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    const retailers = await claims.retailersOfRoot('ORDER', 'O-9');

    // Assess
    expect(retailers).toEqual([]);
  });
});
