import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { DynamoRoleStore } from '../../../../shared/adapters/dynamodb/dynamo-role-store';
import type { CustomRole } from '../../../../shared/domain/accounts/custom-role';

const TABLE = 'ordo-unit-control';

const auditor: CustomRole = {
  accountId: 'acme',
  name: 'auditor',
  permissions: ['ORDER_READ', 'EVENT_READ'],
  createdOn: '2025-01-01T00:00:00.000Z',
  updatedOn: '2025-02-01T00:00:00.000Z',
};

const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('DynamoRoleStore', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const store = new DynamoRoleStore(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);

  beforeEach(() => {
    ddbMock.reset();
  });

  afterAll(() => {
    ddbMock.restore();
  });

  describe('get', () => {
    it("reads the role from its account's partition with a strongly consistent read", async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      await store.get('acme', 'auditor');

      // Assess
      expect(ddbMock.commandCalls(GetCommand)[0].args[0].input).toMatchObject({
        TableName: TABLE,
        Key: { PK: 'ACCOUNT#acme', SK: 'ROLE#auditor' },
        ConsistentRead: true,
      });
    });

    it('returns the role without the table keys', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: { PK: 'ACCOUNT#acme', SK: 'ROLE#auditor', ...auditor } });

      // Act
      const role = await store.get('acme', 'auditor');

      // Assess
      expect(role).toEqual(auditor);
    });

    it('returns undefined for a role the account does not have', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      const role = await store.get('acme', 'nobody');

      // Assess
      expect(role).toBeUndefined();
    });
  });

  describe('list', () => {
    it("queries only the role items of the account's partition", async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [{ PK: 'ACCOUNT#acme', SK: 'ROLE#auditor', ...auditor }] });

      // Act
      const roles = await store.list('acme');

      // Assess
      expect(roles).toEqual([auditor]);
      expect(ddbMock.commandCalls(QueryCommand)[0].args[0].input).toMatchObject({
        KeyConditionExpression: 'PK = :account AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':account': 'ACCOUNT#acme', ':prefix': 'ROLE#' },
      });
    });
  });

  describe('put', () => {
    it('creates a role only if the account does not have it yet', async () => {
      // Prepare
      ddbMock.on(PutCommand).resolves({});

      // Act
      const written = await store.put(auditor, undefined);

      // Assess
      expect(written).toBe(true);
      expect(ddbMock.commandCalls(PutCommand)[0].args[0].input).toMatchObject({
        Item: expect.objectContaining({ PK: 'ACCOUNT#acme', SK: 'ROLE#auditor', permissions: auditor.permissions }),
        ConditionExpression: 'attribute_not_exists(PK)',
      });
    });

    it('replaces a role only if it is still as it was read', async () => {
      // Prepare
      ddbMock.on(PutCommand).resolves({});

      // Act
      await store.put(auditor, '2025-01-15T00:00:00.000Z');

      // Assess
      expect(ddbMock.commandCalls(PutCommand)[0].args[0].input).toMatchObject({
        ConditionExpression: 'updatedOn = :read',
        ExpressionAttributeValues: { ':read': '2025-01-15T00:00:00.000Z' },
      });
    });

    it('returns false when the role changed meanwhile', async () => {
      // Prepare
      ddbMock.on(PutCommand).rejects(conditionFailed());

      // Act
      const written = await store.put(auditor, '2025-01-15T00:00:00.000Z');

      // Assess
      expect(written).toBe(false);
    });

    it('lets any other DynamoDB failure through unchanged', async () => {
      // Prepare
      ddbMock.on(PutCommand).rejects(new Error('throttled'));

      // Act
      const attempt = store.put(auditor, undefined);

      // Assess
      await expect(attempt).rejects.toThrow('throttled');
    });
  });
});
