import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SettingValue } from '../../domain/settings/setting-catalogue';
import type { SettingStore, StoredSetting } from '../../ports/setting-store';
import { queryAll } from './query-all';

const PARTITION = 'SETTINGS';
/** Not a retailer id's character, so the account's value never meets a retailer's key. */
const ACCOUNT_LEVEL = '*';

const settingKey = (name: string, retailerId: string | undefined) => ({ PK: PARTITION, SK: `${name}#${retailerId ?? ACCOUNT_LEVEL}` });

/** Every value set in the account, one item each, in one partition: the catalogue is short and retailers few. */
export class DynamoSettingStore implements SettingStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(retailerId?: string): Promise<StoredSetting[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      FilterExpression: retailerId === undefined ? 'attribute_not_exists(retailerId)' : 'attribute_not_exists(retailerId) OR retailerId = :retailer',
      ExpressionAttributeValues: { ':pk': PARTITION, ...(retailerId === undefined ? {} : { ':retailer': retailerId }) },
      // A value just set applies to the next read.
      ConsistentRead: true,
    });
    return items.map((item) => ({
      name: item.name as string,
      value: item.value as SettingValue,
      ...(typeof item.retailerId === 'string' ? { retailerId: item.retailerId } : {}),
    }));
  }

  async put({ name, retailerId, value }: StoredSetting): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...settingKey(name, retailerId), name, value, ...(retailerId === undefined ? {} : { retailerId }) },
      }),
    );
  }

  async remove(name: string, retailerId?: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: settingKey(name, retailerId) }));
  }
}
