import type { SettingStore } from '../../ports/setting-store';
import type { AccountPrincipal } from '../accounts/principal';
import { retailerFor, type OtherRetailer } from '../orchestration/retailer-scope';
import { settingNamed, settingValueFor } from './setting-catalogue';
import { settingInForce, settingsInForce, type SettingInForce } from './settings-in-force';

type Scope = Pick<AccountPrincipal, 'retailerId'>;

/**
 * Whose settings a request reads or sets: a key scoped to a retailer acts for that retailer
 * alone; an unscoped key names a retailer, or acts at account level when it names none.
 */
const settingScope = (requested: string | undefined, scope: Scope, other: OtherRetailer): string | undefined =>
  scope.retailerId || requested !== undefined ? retailerFor(requested, scope, other) : undefined;

/** Every known setting with the value in force for the retailer, or at account level. */
export const listSettings = async (
  { retailerId }: { retailerId?: string },
  scope: Scope,
  deps: { settings: SettingStore },
): Promise<{ retailerId?: string; items: SettingInForce[] }> => {
  const retailer = settingScope(retailerId, scope, 'hide');
  const items = settingsInForce(await deps.settings.list(retailer), retailer);
  return { ...(retailer === undefined ? {} : { retailerId: retailer }), items };
};

/**
 * Sets a setting for the retailer, or for the account when none is named; `null` removes the
 * value set there, so the account's value or the default applies again. Answers the setting as listed.
 */
export const putSetting = async (
  { name, value, retailerId }: { name: string; value: unknown; retailerId?: string },
  scope: Scope,
  deps: { settings: SettingStore },
): Promise<SettingInForce> => {
  const definition = settingNamed(name);
  const retailer = settingScope(retailerId, scope, 'refuse');
  if (value === null) await deps.settings.remove(name, retailer);
  else await deps.settings.put({ name, value: settingValueFor(definition, value), ...(retailer === undefined ? {} : { retailerId: retailer }) });
  return settingInForce(definition, await deps.settings.list(retailer), retailer);
};
