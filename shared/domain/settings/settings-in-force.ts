import type { StoredSetting } from '../../ports/setting-store';
import { SETTING_CATALOGUE, type SettingDefinition, type SettingValue } from './setting-catalogue';

export type SettingSource = 'default' | 'account' | 'retailer';

/** A setting as the API lists it: its definition and the value in force where it was read. */
export interface SettingInForce {
  name: string;
  type: SettingDefinition['type'];
  default: SettingValue | null;
  description: string;
  min?: number;
  max?: number;
  value: SettingValue | null;
  source: SettingSource;
}

const setValue = (stored: readonly StoredSetting[], name: string, retailerId: string | undefined) =>
  stored.find((setting) => setting.name === name && setting.retailerId === retailerId);

/**
 * The value in force of one setting: the retailer's own, else the account's, else the default.
 * Stored values of other retailers are ignored, so a store may hand over more than asked.
 */
export const settingInForce = (definition: SettingDefinition, stored: readonly StoredSetting[], retailerId?: string): SettingInForce => {
  const own = retailerId === undefined ? undefined : setValue(stored, definition.name, retailerId);
  const account = setValue(stored, definition.name, undefined);
  const { name, type, description, min, max } = definition;
  const chosen = own ?? account;
  return {
    name,
    type,
    default: definition.default,
    description,
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    value: chosen ? chosen.value : definition.default,
    source: own ? 'retailer' : account ? 'account' : 'default',
  };
};

/** Every known setting in force for the retailer (or at account level when none is named). */
export const settingsInForce = (stored: readonly StoredSetting[], retailerId?: string): SettingInForce[] =>
  SETTING_CATALOGUE.map((definition) => settingInForce(definition, stored, retailerId));

/**
 * The values set for a retailer (its own over the account's), by name. Defaults are left out: a
 * rule reading a setting nobody set keeps its own behaviour (its props), as before settings existed.
 */
export const valuesSetFor = (stored: readonly StoredSetting[], retailerId: string): ReadonlyMap<string, SettingValue> =>
  new Map(
    settingsInForce(stored, retailerId)
      .filter((setting) => setting.source !== 'default' && setting.value !== null)
      .map((setting) => [setting.name, setting.value as SettingValue]),
  );
