import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { DynamoRetailerRegistry } from '../../../../shared/adapters/dynamodb/dynamo-retailer-registry';

const TABLE = 'ordo-unit-acct-acme';
const registration = { retailerId: 'north', name: 'North', template: 'reference' as const, updatedOn: '2026-03-02T10:00:00.000Z' };

describe('DynamoRetailerRegistry', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const registry = new DynamoRetailerRegistry(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);

  beforeEach(() => {
    ddbMock.reset();
  });

  afterAll(() => {
    ddbMock.restore();
  });

  it('reports a retailer it had no item for as created, registered now', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    const result = await registry.register(registration);

    // Assess
    expect(result).toEqual({ created: true, retailer: { ...registration, createdOn: registration.updatedOn } });
  });

  it('keeps the first registration date of a retailer registered before, and reports it not created', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({ Attributes: { retailerId: 'north', name: 'Old', createdOn: '2025-01-01T00:00:00.000Z' } });

    // Act
    const result = await registry.register(registration);

    // Assess
    expect(result).toEqual({ created: false, retailer: { ...registration, createdOn: '2025-01-01T00:00:00.000Z' } });
    expect(ddbMock.commandCalls(UpdateCommand)[0].args[0].input.UpdateExpression).toContain('createdOn = if_not_exists(createdOn, :now)');
  });
});
