import { ConditionalCheckFailedException, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Account, AccountStatus, OperatorStatus } from '../../domain/accounts/account';
import type { ApiKeyRecord } from '../../domain/accounts/api-key';
import { ConflictError } from '../../domain/domain-errors';
import { FIRST_DATA_KEY_ID } from '../../domain/privacy/data-key-ids';
import type { ControlPlaneStore, WrappedDataKey } from '../../ports/control-plane-store';
import { writtenIfCondition } from './conditional-write';
import { queryAll } from './query-all';

const accountKey = (accountId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: 'ACCOUNT' });

/** The account record without its wrapped data keys: those are read through their own methods only. */
const accountFromItem = (item: Record<string, unknown>): Account =>
  Object.fromEntries(
    Object.entries(stripKeys<Record<string, unknown>>(item)).filter(
      ([name]) => name !== 'wrappedDataKey' && name !== 'currentDataKeyId' && !name.startsWith('dataKey_'),
    ),
  ) as unknown as Account;
/** Every data key the account ever had stays on its record, one attribute per key id. */
const dataKeyAttribute = (keyId: string) => `dataKey_${keyId}`;
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
    const Item = await this.accountItem(accountId);
    return Item ? accountFromItem(Item) : undefined;
  }

  /**
   * The account's item, or the attributes `projection` names, read consistently: a suspension or
   * a rotation shows from the next read.
   */
  private async accountItem(accountId: string, projection?: string, names?: Record<string, string>) {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: accountKey(accountId),
        ConsistentRead: true,
        ...(projection ? { ProjectionExpression: projection } : {}),
        ...(names ? { ExpressionAttributeNames: names } : {}),
      }),
    );
    return Item;
  }

  async getAccountStatus(accountId: string): Promise<AccountStatus | undefined> {
    const Item = await this.accountItem(accountId, '#status', { '#status': 'status' });
    return Item?.status as AccountStatus | undefined;
  }

  async getCurrentDataKeyId(accountId: string): Promise<string | undefined> {
    const Item = await this.accountItem(accountId, 'currentDataKeyId, wrappedDataKey');
    if (typeof Item?.currentDataKeyId === 'string') return Item.currentDataKeyId;
    // An account keyed before rotation existed keeps its one key in wrappedDataKey.
    return Item?.wrappedDataKey ? FIRST_DATA_KEY_ID : undefined;
  }

  async getWrappedDataKey(accountId: string, keyId: string): Promise<WrappedDataKey | undefined> {
    const Item = await this.accountItem(accountId, '#key, wrappedDataKey, createdOn', { '#key': dataKeyAttribute(keyId) });
    const stored = Item?.[dataKeyAttribute(keyId)] as { wrapped: string; createdOn: string } | undefined;
    if (stored) return { keyId, wrapped: stored.wrapped, createdOn: stored.createdOn };
    if (keyId === FIRST_DATA_KEY_ID && typeof Item?.wrappedDataKey === 'string') {
      return { keyId, wrapped: Item.wrappedDataKey, createdOn: Item.createdOn as string };
    }
    return undefined;
  }

  async addDataKey(accountId: string, key: WrappedDataKey, replacing: string | undefined): Promise<boolean> {
    const current =
      replacing === undefined
        ? 'attribute_not_exists(currentDataKeyId) AND attribute_not_exists(wrappedDataKey)'
        : replacing === FIRST_DATA_KEY_ID
          ? '(currentDataKeyId = :replacing OR (attribute_not_exists(currentDataKeyId) AND attribute_exists(wrappedDataKey)))'
          : 'currentDataKeyId = :replacing';
    return writtenIfCondition(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: accountKey(accountId),
          UpdateExpression: 'SET #key = :key, currentDataKeyId = :keyId',
          ConditionExpression: `attribute_exists(PK) AND attribute_not_exists(#key) AND ${current}`,
          ExpressionAttributeNames: { '#key': dataKeyAttribute(key.keyId) },
          ExpressionAttributeValues: {
            ':key': { wrapped: key.wrapped, createdOn: key.createdOn },
            ':keyId': key.keyId,
            ...(replacing === undefined ? {} : { ':replacing': replacing }),
          },
        }),
      ),
    );
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

  setAccountStatus(accountId: string, status: OperatorStatus, changedOn: string): Promise<Account | undefined> {
    return this.updateChangeableAccount(accountId, 'SET #status = :status, statusChangedOn = :changedOn', { ':status': status, ':changedOn': changedOn });
  }

  setAccountRateLimit(accountId: string, rateLimitPerSecond: number | undefined): Promise<Account | undefined> {
    return rateLimitPerSecond === undefined
      ? this.updateChangeableAccount(accountId, 'REMOVE rateLimitPerSecond')
      : this.updateChangeableAccount(accountId, 'SET rateLimitPerSecond = :limit', { ':limit': rateLimitPerSecond });
  }

  async getAccountRateLimit(accountId: string): Promise<number | undefined> {
    const Item = await this.accountItem(accountId, 'rateLimitPerSecond');
    return typeof Item?.rateLimitPerSecond === 'number' ? Item.rateLimitPerSecond : undefined;
  }

  /** Changes an ACTIVE or SUSPENDED account and returns it as it now is; undefined for one that is missing or PROVISIONING. */
  private async updateChangeableAccount(accountId: string, update: string, values: Record<string, unknown> = {}): Promise<Account | undefined> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: accountKey(accountId),
          UpdateExpression: update,
          ConditionExpression: 'attribute_exists(PK) AND #status IN (:active, :suspended)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ...values, ':active': 'ACTIVE', ':suspended': 'SUSPENDED' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? accountFromItem(Attributes) : undefined;
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
    return writtenIfCondition(() =>
      this.client.send(
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
      ),
    );
  }

  async recordApiKeyUse(keyId: string, usedOn: string, staleBefore: string): Promise<boolean> {
    return writtenIfCondition(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: apiKeyKey(keyId),
          UpdateExpression: 'SET lastUsedOn = :usedOn',
          ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(lastUsedOn) OR lastUsedOn <= :staleBefore)',
          ExpressionAttributeValues: { ':usedOn': usedOn, ':staleBefore': staleBefore },
        }),
      ),
    );
  }

  async ping(): Promise<void> {
    await this.client.send(new DescribeTableCommand({ TableName: this.tableName }));
  }
}
