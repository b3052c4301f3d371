import { ConditionalCheckFailedException, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoControlPlaneStore } from '../../../../shared/adapters/dynamodb/dynamo-control-plane-store';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import type { Account } from '../../../../shared/domain/accounts/account';
import type { ApiKeyRecord } from '../../../../shared/domain/accounts/api-key';
import { ConflictError } from '../../../../shared/domain/domain-errors';

const TABLE = 'ordo-unit-control';

const account: Account = {
  accountId: 'acme',
  name: 'Acme',
  environment: 'sandbox',
  region: 'us-east-1',
  status: 'PROVISIONING',
  tableName: 'ordo-unit-acct-acme',
  createdOn: '2025-01-01T00:00:00.000Z',
};

const keyRecord = (keyId: string, accountId = 'acme'): ApiKeyRecord => ({
  keyId,
  accountId,
  role: 'ADMIN',
  secretHash: 'ab'.repeat(32),
  status: 'ACTIVE',
  createdOn: '2025-01-01T00:00:00.000Z',
});

/** The stored form of a key, with the table and index keys the adapter adds. */
const storedKey = (record: ApiKeyRecord) => ({
  PK: `APIKEY#${record.keyId}`,
  SK: 'APIKEY',
  GSI1PK: `ACCOUNT#${record.accountId}`,
  GSI1SK: `APIKEY#${record.keyId}`,
  ...record,
});

const conditionFailed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('DynamoControlPlaneStore', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const store = new DynamoControlPlaneStore(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);

  beforeEach(() => {
    ddbMock.reset();
  });

  afterAll(() => {
    ddbMock.restore();
  });

  describe('createAccount', () => {
    it('reports a duplicate account id as a conflict naming accountId', async () => {
      // Prepare
      ddbMock.on(PutCommand, { ConditionExpression: 'attribute_not_exists(PK)' }).rejects(conditionFailed());

      // Act
      const attempt = store.createAccount(account);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ConflictError);
      await expect(attempt).rejects.toMatchObject({ field: 'accountId', code: 'CONFLICT' });
    });

    it('lets any other DynamoDB failure through unchanged', async () => {
      // Prepare
      const throttled = new Error('Rate exceeded');
      ddbMock.on(PutCommand).rejects(throttled);

      // Act
      const attempt = store.createAccount(account);

      // Assess
      await expect(attempt).rejects.toBe(throttled);
    });
  });

  describe('getAccount', () => {
    it('returns the account without the table keys', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: { PK: 'ACCOUNT#acme', SK: 'ACCOUNT' } }).resolves({
        Item: { PK: 'ACCOUNT#acme', SK: 'ACCOUNT', ...account },
      });

      // Act
      const found = await store.getAccount('acme');

      // Assess
      expect(found).toEqual(account);
    });

    it('returns undefined for an account that does not exist', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      const found = await store.getAccount('nobody');

      // Assess
      expect(found).toBeUndefined();
    });

    it('reads the account with a strongly consistent read, so a suspension holds at once', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      await store.getAccount('acme');

      // Assess
      expect(ddbMock.commandCalls(GetCommand)[0].args[0].input.ConsistentRead).toBe(true);
    });
  });

  describe('setAccountStatus', () => {
    it('returns undefined when the account is missing or still PROVISIONING', async () => {
      // Prepare
      ddbMock.on(UpdateCommand).rejects(conditionFailed());

      // Act
      const changed = await store.setAccountStatus('acme', 'ACTIVE', '2025-07-01T09:00:00.000Z');

      // Assess
      expect(changed).toBeUndefined();
    });
  });

  describe('markAccountActive', () => {
    it('sets the status of that account to ACTIVE', async () => {
      // Prepare
      ddbMock.on(UpdateCommand).resolves({});

      // Act
      await store.markAccountActive('acme');

      // Assess
      const input = ddbMock.commandCalls(UpdateCommand)[0].args[0].input;
      expect(input.Key).toEqual({ PK: 'ACCOUNT#acme', SK: 'ACCOUNT' });
      const statusName = Object.entries(input.ExpressionAttributeNames ?? {}).find(([, name]) => name === 'status')?.[0];
      const setStatus = new RegExp(`SET .*${statusName}\\s*=\\s*(:\\w+)`).exec(input.UpdateExpression ?? '');
      expect(setStatus && input.ExpressionAttributeValues?.[setStatus[1]]).toBe('ACTIVE');
    });
  });

  describe('putApiKey', () => {
    it('indexes the key under its account on GSI1', async () => {
      // Prepare
      ddbMock.on(PutCommand).resolves({});
      const record = keyRecord('0123456789abcdef');

      // Act
      await store.putApiKey(record);

      // Assess
      const input = ddbMock.commandCalls(PutCommand)[0].args[0].input;
      expect(input.Item).toEqual(storedKey(record));
    });
  });

  describe('getApiKey', () => {
    it('reads the key with a strongly consistent read', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      await store.getApiKey('0123456789abcdef');

      // Assess
      const input = ddbMock.commandCalls(GetCommand)[0].args[0].input;
      expect(input).toMatchObject({ TableName: TABLE, Key: { PK: 'APIKEY#0123456789abcdef' }, ConsistentRead: true });
    });

    it('returns the key record without the table and index keys', async () => {
      // Prepare
      const record = keyRecord('0123456789abcdef');
      ddbMock.on(GetCommand, { Key: { PK: 'APIKEY#0123456789abcdef' } }).resolves({ Item: storedKey(record) });

      // Act
      const found = await store.getApiKey('0123456789abcdef');

      // Assess
      expect(found).toEqual(record);
    });

    it('returns undefined for a key that does not exist', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      const found = await store.getApiKey('ffffffffffffffff');

      // Assess
      expect(found).toBeUndefined();
    });
  });

  describe('listApiKeys', () => {
    it('queries GSI1 for the keys of that account', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [] });

      // Act
      await store.listApiKeys('acme');

      // Assess
      const input = ddbMock.commandCalls(QueryCommand)[0].args[0].input;
      expect(input.IndexName).toBe('GSI1');
      expect(Object.values(input.ExpressionAttributeValues ?? {})).toContain('ACCOUNT#acme');
    });

    it('follows LastEvaluatedKey until the last page and returns the keys of every page', async () => {
      // Prepare
      const [first, second, third] = ['1111111111111111', '2222222222222222', '3333333333333333'].map((id) =>
        keyRecord(id),
      );
      const cursor = { PK: `APIKEY#${second.keyId}`, SK: 'APIKEY', GSI1PK: 'ACCOUNT#acme', GSI1SK: `APIKEY#${second.keyId}` };
      ddbMock
        .on(QueryCommand)
        .resolvesOnce({ Items: [storedKey(first), storedKey(second)], LastEvaluatedKey: cursor })
        .rejects(new Error('queried again without the cursor of the previous page'));
      ddbMock.on(QueryCommand, { ExclusiveStartKey: cursor }).resolves({ Items: [storedKey(third)] });

      // Act
      const keys = await store.listApiKeys('acme');

      // Assess
      expect(keys).toEqual([first, second, third]);
      const calls = ddbMock.commandCalls(QueryCommand);
      expect(calls).toHaveLength(2);
      expect(calls[1].args[0].input).toMatchObject({ IndexName: 'GSI1', ExclusiveStartKey: cursor });
    });

    it('returns an empty list when the account has no keys', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({});

      // Act
      const keys = await store.listApiKeys('acme');

      // Assess
      expect(keys).toEqual([]);
    });
  });

  describe('revokeApiKey', () => {
    it('returns true when the key was revoked', async () => {
      // Prepare
      ddbMock.on(UpdateCommand).resolves({});

      // Act
      const revoked = await store.revokeApiKey('acme', '0123456789abcdef', '2025-06-01T00:00:00.000Z');

      // Assess
      expect(revoked).toBe(true);
    });

    it('returns false when the condition fails because the key is foreign, missing or already revoked', async () => {
      // Prepare
      ddbMock
        .on(UpdateCommand, { ExpressionAttributeValues: { ':account': 'intruder' } })
        .rejects(conditionFailed());

      // Act
      const revoked = await store.revokeApiKey('intruder', '0123456789abcdef', '2025-06-01T00:00:00.000Z');

      // Assess
      expect(revoked).toBe(false);
    });

    it('lets any other DynamoDB failure through unchanged', async () => {
      // Prepare
      const throttled = new Error('Rate exceeded');
      ddbMock.on(UpdateCommand).rejects(throttled);

      // Act
      const attempt = store.revokeApiKey('acme', '0123456789abcdef', '2025-06-01T00:00:00.000Z');

      // Assess
      await expect(attempt).rejects.toBe(throttled);
    });
  });

  describe('getAccountStatus', () => {
    it('reads the status alone, strongly consistent, so each request reads little and a suspension holds at once', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: { status: 'SUSPENDED' } });

      // Act
      const status = await store.getAccountStatus('acme');

      // Assess
      expect(status).toBe('SUSPENDED');
      expect(ddbMock.commandCalls(GetCommand)[0]?.args[0].input).toMatchObject({
        Key: { PK: 'ACCOUNT#acme', SK: 'ACCOUNT' },
        ProjectionExpression: '#status',
        ConsistentRead: true,
      });
    });
  });

  describe('recordApiKeyUse', () => {
    it('returns false when another request recorded a use within the minute', async () => {
      // Prepare
      ddbMock.on(UpdateCommand).rejects(conditionFailed());

      // Act
      const recorded = await store.recordApiKeyUse('0123456789abcdef', '2025-06-01T12:00:00.000Z', '2025-06-01T11:59:00.000Z');

      // Assess
      expect(recorded).toBe(false);
    });

    it('lets any other DynamoDB failure through unchanged', async () => {
      // Prepare
      ddbMock.on(UpdateCommand).rejects(new Error('throttled'));

      // Act
      const attempt = store.recordApiKeyUse('0123456789abcdef', '2025-06-01T12:00:00.000Z', '2025-06-01T11:59:00.000Z');

      // Assess
      await expect(attempt).rejects.toThrow('throttled');
    });
  });

  describe('data keys', () => {
    const stored = { wrapped: 'd3JhcHBlZA==', createdOn: '2025-03-14T09:00:00.000Z' };

    it('reads the current key id consistently, so a rotation shows at once', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: { currentDataKeyId: 'dk2', wrappedDataKey: 'old' } });

      // Act
      const keyId = await store.getCurrentDataKeyId('acme');

      // Assess
      expect(keyId).toBe('dk2');
      expect(ddbMock.commandCalls(GetCommand)[0].args[0].input).toMatchObject({ Key: { PK: 'ACCOUNT#acme', SK: 'ACCOUNT' }, ConsistentRead: true });
    });

    it('takes the one key of an account keyed before rotation existed for its first key', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: { wrappedDataKey: 'old', createdOn: account.createdOn } });

      // Act
      const keyId = await store.getCurrentDataKeyId('acme');
      const key = await store.getWrappedDataKey('acme', 'dk1');

      // Assess
      expect(keyId).toBe('dk1');
      expect(key).toEqual({ keyId: 'dk1', wrapped: 'old', createdOn: account.createdOn });
    });

    it('reads a key by its id from its own attribute', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: { dataKey_dk2: stored } });

      // Act
      const key = await store.getWrappedDataKey('acme', 'dk2');

      // Assess
      expect(key).toEqual({ keyId: 'dk2', ...stored });
      expect(ddbMock.commandCalls(GetCommand)[0].args[0].input.ExpressionAttributeNames).toEqual({ '#key': 'dataKey_dk2' });
    });

    it('knows no key the account never had', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: { wrappedDataKey: 'old' } });

      // Act
      const key = await store.getWrappedDataKey('acme', 'dk3');

      // Assess
      expect(key).toBeUndefined();
    });

    it('reports false when another rotation got in first', async () => {
      // Prepare
      ddbMock.on(UpdateCommand).rejects(conditionFailed());

      // Act
      const added = await store.addDataKey('acme', { keyId: 'dk3', ...stored }, 'dk2');

      // Assess
      expect(added).toBe(false);
    });

    it('leaves the wrapped keys out of the account record', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({
        Item: { PK: 'ACCOUNT#acme', SK: 'ACCOUNT', ...account, wrappedDataKey: 'old', currentDataKeyId: 'dk2', dataKey_dk2: stored },
      });

      // Act
      const found = await store.getAccount('acme');

      // Assess
      expect(found).toEqual(account);
    });
  });

  describe('ping', () => {
    it('describes the control table', async () => {
      // Prepare
      ddbMock.on(DescribeTableCommand).resolves({ Table: { TableName: TABLE, TableStatus: 'ACTIVE' } });

      // Act
      await store.ping();

      // Assess
      expect(ddbMock.commandCalls(DescribeTableCommand)[0].args[0].input).toEqual({ TableName: TABLE });
    });

    it('fails when the table cannot be described', async () => {
      // Prepare
      ddbMock.on(DescribeTableCommand).rejects(new Error('connect ECONNREFUSED'));

      // Act
      const attempt = store.ping();

      // Assess
      await expect(attempt).rejects.toThrow('ECONNREFUSED');
    });
  });
});
