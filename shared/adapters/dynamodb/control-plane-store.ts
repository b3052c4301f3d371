import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DescribeTableCommand,
} from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Account, OperatorStatus } from '../../domain/accounts/account';
import type { ApiKeyRecord } from '../../domain/accounts/api-key';
import { ConflictError } from '../../domain/errors';
import type { ControlPlaneStore } from '../../ports/control-plane-store';
import { queryAll } from './query-all';

const accountKey = (accountId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: 'ACCOUNT' });
const apiKeyKey = (keyId: string) => ({ PK: `APIKEY#${keyId}`, SK: 'APIKEY' });

const stripKeys = <T>(item: Record<string, unknown>): T => {
  const { PK: _pk, SK: _sk, GSI1PK: _gpk, GSI1SK: _gsk, ...rest } = item;
  return rest as T;
};

export class DynamoControlPlaneStore implements ControlPlaneStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createAccount(account: Account): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...accountKey(account.accountId), GSI1PK: 'ACCOUNTS', GSI1SK: account.accountId, ...account },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConflictError(`Account ${account.accountId} already exists`, 'accountId');
      }
      throw error;
    }
  }

  async getAccount(accountId: string): Promise<Account | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: accountKey(accountId), ConsistentRead: true }),
    );
    return Item ? stripKeys<Account>(Item) : undefined;
  }

  async getWrappedDataKey(accountId: string): Promise<string | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: accountKey(accountId), ProjectionExpression: 'wrappedDataKey', ConsistentRead: true }),
    );
    return Item?.wrappedDataKey as string | undefined;
  }

  async setWrappedDataKeyIfAbsent(accountId: string, wrapped: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: accountKey(accountId),
          UpdateExpression: 'SET wrappedDataKey = :wrapped',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(wrappedDataKey)',
          ExpressionAttributeValues: { ':wrapped': wrapped },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async listAccountIds(): Promise<string[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :accounts',
      ExpressionAttributeValues: { ':accounts': 'ACCOUNTS' },
    });
    return items.map((item) => item.accountId as string);
  }

  async markAccountActive(accountId: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: accountKey(accountId),
        UpdateExpression: 'SET #status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'ACTIVE' },
      }),
    );
  }

  async setAccountStatus(accountId: string, status: OperatorStatus, changedOn: string): Promise<Account | undefined> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: accountKey(accountId),
          UpdateExpression: 'SET #status = :status, statusChangedOn = :changedOn',
          ConditionExpression: 'attribute_exists(PK) AND #status IN (:active, :suspended)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': status, ':changedOn': changedOn, ':active': 'ACTIVE', ':suspended': 'SUSPENDED' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? stripKeys<Account>(Attributes) : undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async putApiKey(key: ApiKeyRecord): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...apiKeyKey(key.keyId), GSI1PK: `ACCOUNT#${key.accountId}`, GSI1SK: `APIKEY#${key.keyId}`, ...key },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async getApiKey(keyId: string): Promise<ApiKeyRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: apiKeyKey(keyId), ConsistentRead: true }),
    );
    return Item ? stripKeys<ApiKeyRecord>(Item) : undefined;
  }

  async listApiKeys(accountId: string): Promise<ApiKeyRecord[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :account AND begins_with(GSI1SK, :prefix)',
      ExpressionAttributeValues: { ':account': `ACCOUNT#${accountId}`, ':prefix': 'APIKEY#' },
    });
    return items.map((item) => stripKeys<ApiKeyRecord>(item));
  }

  async revokeApiKey(accountId: string, keyId: string, revokedOn: string, retailerId?: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: apiKeyKey(keyId),
          UpdateExpression: 'SET #status = :revoked, revokedOn = :revokedOn',
          ConditionExpression: `accountId = :account AND #status = :active${retailerId === undefined ? '' : ' AND retailerId = :retailer'}`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':revoked': 'REVOKED',
            ':active': 'ACTIVE',
            ':account': accountId,
            ':revokedOn': revokedOn,
            ...(retailerId === undefined ? {} : { ':retailer': retailerId }),
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async recordApiKeyUse(keyId: string, usedOn: string, staleBefore: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: apiKeyKey(keyId),
          UpdateExpression: 'SET lastUsedOn = :usedOn',
          ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(lastUsedOn) OR lastUsedOn <= :staleBefore)',
          ExpressionAttributeValues: { ':usedOn': usedOn, ':staleBefore': staleBefore },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async ping(): Promise<void> {
    await this.client.send(new DescribeTableCommand({ TableName: this.tableName }));
  }
}
