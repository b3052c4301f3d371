import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { DynamoEventSourceRegistry } from '../../../../shared/adapters/dynamodb/dynamo-event-source-registry';
import { ConflictError } from '../../../../shared/domain/domain-errors';
import type { EventSourceRegistration } from '../../../../shared/ports/event-source-registry';

const TABLE = 'ordo-unit-control';

const registration = (overrides: Partial<EventSourceRegistration> = {}): EventSourceRegistration => ({
  source: 'acme.shop',
  accountId: 'acme',
  awsAccountId: '123456789012',
  claimedOn: '2025-03-01T00:00:00.000Z',
  ...overrides,
});

const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('DynamoEventSourceRegistry', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const registry = new DynamoEventSourceRegistry(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);

  beforeEach(() => {
    ddbMock.reset();
  });

  afterAll(() => {
    ddbMock.restore();
  });

  it('stores the AWS account and the retailer of a claimed source in the control table', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});

    // Act
    await registry.claim(registration({ retailerId: 'r1' }), { retailerId: 'r1' });

    // Assess
    expect(
      ddbMock.commandCalls(PutCommand, {
        TableName: TABLE,
        Item: { PK: 'SOURCE#acme.shop', SK: 'SOURCE', GSI1PK: 'ACCOUNT#acme', GSI1SK: 'SOURCE#acme.shop', ...registration({ retailerId: 'r1' }) },
      }),
    ).toHaveLength(1);
  });

  it('reports a source held by another account or retailer as a conflict on the source field', async () => {
    // Prepare
    ddbMock.on(PutCommand).rejects(conditionFailed());

    // Act
    const claimed = registry.claim(registration(), {});

    // Assess
    await expect(claimed).rejects.toBeInstanceOf(ConflictError);
    await expect(claimed).rejects.toMatchObject({ field: 'source' });
  });

  it('reads a registration with its AWS account and retailer', async () => {
    // Prepare
    ddbMock.on(GetCommand, { TableName: TABLE, Key: { PK: 'SOURCE#acme.shop', SK: 'SOURCE' } }).resolves({
      Item: { PK: 'SOURCE#acme.shop', SK: 'SOURCE', GSI1PK: 'ACCOUNT#acme', GSI1SK: 'SOURCE#acme.shop', ...registration({ retailerId: 'r1' }) },
    });

    // Act
    const found = await registry.registrationOf('acme.shop');

    // Assess
    expect(found).toEqual(registration({ retailerId: 'r1' }));
  });

  it('reads a source registered before AWS accounts were recorded with an empty AWS account', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: { source: 'old.shop', accountId: 'acme', claimedOn: '2024-01-01T00:00:00.000Z' } });

    // Act
    const found = await registry.registrationOf('old.shop');

    // Assess
    expect(found).toEqual({ source: 'old.shop', accountId: 'acme', awsAccountId: '', claimedOn: '2024-01-01T00:00:00.000Z' });
  });

  it("lists for a scoped caller only the sources bound to its retailer", async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [registration({ retailerId: 'r1' })] });

    // Act
    await registry.listFor('acme', { retailerId: 'r1' });

    // Assess
    expect(
      ddbMock.commandCalls(QueryCommand, {
        IndexName: 'GSI1',
        FilterExpression: 'retailerId = :retailer',
        ExpressionAttributeValues: { ':account': 'ACCOUNT#acme', ':prefix': 'SOURCE#', ':retailer': 'r1' },
      }),
    ).toHaveLength(1);
  });

  it('lists for an unscoped caller every source of the account', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [registration(), registration({ source: 'r1.shop', retailerId: 'r1' })] });

    // Act
    const listed = await registry.listFor('acme', {});

    // Assess
    expect(listed.map(({ source }) => source)).toEqual(['acme.shop', 'r1.shop']);
    expect(ddbMock.commandCalls(QueryCommand)[0]?.args[0].input.FilterExpression).toBeUndefined();
  });
});
