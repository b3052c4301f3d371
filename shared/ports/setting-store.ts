import type { SettingValue } from '../domain/settings/setting-catalogue';

/** A value set for a setting: at account level (no retailerId) or for one retailer. */
export interface StoredSetting {
  name: string;
  retailerId?: string;
  value: SettingValue;
}

/** The settings an account and its retailers have set, in the account's table. */
export interface SettingStore {
  /** The account-level values and, when a retailer is named, that retailer's own, in one read. */
  list(retailerId?: string): Promise<StoredSetting[]>;
  put(setting: StoredSetting): Promise<void>;
  /** Removes the value set, so the one below (the account's, or the default) applies again. */
  remove(name: string, retailerId?: string): Promise<void>;
}

/** What rules need of the store: reading alone. */
export type SettingReads = Pick<SettingStore, 'list'>;
