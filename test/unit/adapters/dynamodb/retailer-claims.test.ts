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

  it('reads the claims of a ref and of an event id with strongly consistent reads, fetching only the retailer', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [{ retailerId: 'r2' }, { retailerId: 'r#1' }] });

    // Act
    const ofRoot = await claims.retailersOfRoot('ORDER', 'O-1');
    const ofEvent = await claims.retailersOfEvent('e1');

    // Assess
    expect([ofRoot, ofEvent]).toEqual([['r#1', 'r2'], ['r#1', 'r2']]);
    expect([query(0), query(1)]).toEqual([
      expect.objectContaining({ TableName: TABLE, ConsistentRead: true, ProjectionExpression: 'retailerId' }),
      expect.objectContaining({ TableName: TABLE, ConsistentRead: true, ProjectionExpression: 'retailerId' }),
    ]);
  });
});
