import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SettingValue } from '../../domain/settings/setting-catalogue';
import type { StoredSetting } from '../../ports/setting-store';
import { queryAll } from './query-all';

const PARTITION = 'SETTINGS';
/** Not a retailer id's character, so the account's value never meets a retailer's key. */
const ACCOUNT_LEVEL = '*';

/** Every value set in the account is one item of one partition: the catalogue is short and retailers few. */
export const settingKey = (name: string, retailerId: string | undefined) => ({ PK: PARTITION, SK: `${name}#${retailerId ?? ACCOUNT_LEVEL}` });

/**
 * The account-level values and the retailer's own, in one Query. Apart from the store, so the
 * engine's functions, which only read settings, hold no command that writes them.
 */
export const querySettings = async (client: DynamoDBDocumentClient, tableName: string, retailerId?: string): Promise<StoredSetting[]> => {
  const items = await queryAll(client, {
    TableName: tableName,
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
};
