import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CustomRole } from '../../domain/accounts/custom-role';
import type { RoleStore } from '../../ports/role-store';
import { queryAll } from './query-all';
import { writtenIfCondition } from './conditional-write';

const roleKey = (accountId: string, name: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `ROLE#${name}` });

const roleOf = (item: Record<string, unknown>): CustomRole => ({
  accountId: item.accountId as string,
  name: item.name as string,
  permissions: item.permissions as CustomRole['permissions'],
  createdOn: item.createdOn as string,
  updatedOn: item.updatedOn as string,
});

/**
 * Roles live in the control-plane table beside their account's item, where authentication
 * reads them with the key: one partition per account, one item per role.
 */
export class DynamoRoleStore implements RoleStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(accountId: string, name: string): Promise<CustomRole | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: roleKey(accountId, name), ConsistentRead: true }),
    );
    return Item ? roleOf(Item) : undefined;
  }

  async list(accountId: string): Promise<CustomRole[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :account AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':account': `ACCOUNT#${accountId}`, ':prefix': 'ROLE#' },
      ConsistentRead: true,
    });
    return items.map(roleOf);
  }

  async put(role: CustomRole, readUpdatedOn: string | undefined): Promise<boolean> {
    return writtenIfCondition(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...roleKey(role.accountId, role.name), ...role },
          ...(readUpdatedOn === undefined
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : { ConditionExpression: 'updatedOn = :read', ExpressionAttributeValues: { ':read': readUpdatedOn } }),
        }),
      ),
    );
  }
}
