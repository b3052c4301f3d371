import { DynamoSettingStore } from '../adapters/dynamodb/dynamo-setting-store';
import type { SettingStore } from '../ports/setting-store';
import { accountContext, type AccountContext } from './account-context';
import { documentClient } from './dynamodb-clients';

/** The settings routes' part: the account's stored settings, read consistently. */
export interface AccountSettings {
  settings: SettingStore;
}

const build = ({ tableName }: AccountContext): AccountSettings => ({ settings: new DynamoSettingStore(documentClient(), tableName) });

/** Callers pass the accountId of the authenticated principal, never one from the request. */
export const settingsOf = (accountId: string): AccountSettings => accountContext(accountId).part(build);
