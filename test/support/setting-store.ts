import type { SettingStore, StoredSetting } from '../../shared/ports/setting-store';

/** Settings kept in memory, listed like the account table lists them: the account's and one retailer's. */
export class InMemorySettingStore implements SettingStore {
  readonly stored: StoredSetting[] = [];
  reads = 0;

  async list(retailerId?: string): Promise<StoredSetting[]> {
    this.reads += 1;
    return this.stored.filter((setting) => setting.retailerId === undefined || setting.retailerId === retailerId).map((setting) => ({ ...setting }));
  }

  async put(setting: StoredSetting): Promise<void> {
    await this.remove(setting.name, setting.retailerId);
    this.stored.push({ ...setting });
  }

  async remove(name: string, retailerId?: string): Promise<void> {
    const index = this.stored.findIndex((setting) => setting.name === name && setting.retailerId === retailerId);
    if (index >= 0) this.stored.splice(index, 1);
  }
}
