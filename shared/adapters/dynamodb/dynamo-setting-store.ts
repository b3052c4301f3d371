import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SettingStore, StoredSetting } from '../../ports/setting-store';
import { querySettings, settingKey } from './setting-items';

export class DynamoSettingStore implements SettingStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  list(retailerId?: string): Promise<StoredSetting[]> {
    return querySettings(this.client, this.tableName, retailerId);
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
