import { CachedSettingReads } from '../adapters/cache/cached-setting-reads';
import { systemClock } from '../adapters/clock/system-clock';
import { querySettings } from '../adapters/dynamodb/setting-items';
import { valuesSetFor } from '../domain/settings/settings-in-force';
import type { SettingsReader } from '../engine/engine-store';
import type { AccountContext } from './account-context';
import { documentClient } from './dynamodb-clients';

/**
 * What rules read through `ctx.setting`: one Query per retailer per container at most every
 * 5 seconds, so a changed setting applies to executions starting 5 seconds later at the latest.
 */
const build = ({ tableName }: AccountContext): SettingsReader => {
  const cached = new CachedSettingReads({ list: (retailerId) => querySettings(documentClient(), tableName, retailerId) }, systemClock);
  return { valuesFor: async (retailerId) => valuesSetFor(await cached.list(retailerId), retailerId) };
};

export const settingsReaderOf = (account: AccountContext): SettingsReader => account.part(build);
