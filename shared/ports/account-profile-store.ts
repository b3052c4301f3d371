import type { Environment } from '../domain/accounts/account';

export interface AccountProfile {
  accountId: string;
  name: string;
  environment: Environment;
  createdOn: string;
}

/** The profile kept inside the account's own table. */
export interface AccountProfileStore {
  put(tableName: string, profile: AccountProfile): Promise<void>;
  get(tableName: string): Promise<AccountProfile | undefined>;
}
