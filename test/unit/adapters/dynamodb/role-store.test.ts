import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
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
    it("reads the account's roles with a strongly consistent read", async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [{ PK: 'ACCOUNT#acme', SK: 'ROLE#auditor', ...auditor }] });

      // Act
      const roles = await store.list('acme');

      // Assess
      expect(roles).toEqual([auditor]);
      expect(ddbMock.commandCalls(QueryCommand)[0].args[0].input).toMatchObject({ TableName: TABLE, ConsistentRead: true });
    });
  });

  describe('put', () => {
    it('lets a DynamoDB failure other than a refused condition through unchanged', async () => {
      // Prepare
      ddbMock.on(PutCommand).rejects(new Error('throttled'));

      // Act
      const attempt = store.put(auditor, undefined);

      // Assess
      await expect(attempt).rejects.toThrow('throttled');
    });
  });
});
