import { CachedSettingStore } from '../adapters/cache/cached-setting-store';
import { systemClock } from '../adapters/clock/system-clock';
import { DynamoSettingStore } from '../adapters/dynamodb/dynamo-setting-store';
import { valuesSetFor } from '../domain/settings/settings-in-force';
import type { SettingsReader } from '../engine/engine-store';
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

/**
 * What rules read through `ctx.setting`: one Query per retailer per container at most every
 * 5 seconds, so a changed setting applies to executions starting 5 seconds later at the latest.
 */
const buildReader = (account: AccountContext): SettingsReader => {
  const cached = new CachedSettingStore(account.part(build).settings, systemClock);
  return { valuesFor: async (retailerId) => valuesSetFor(await cached.list(retailerId), retailerId) };
};

export const settingsReaderOf = (account: AccountContext): SettingsReader => account.part(buildReader);
