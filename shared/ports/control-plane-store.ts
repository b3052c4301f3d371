import type { Account } from '../domain/accounts/account';
import type { ApiKeyRecord } from '../domain/accounts/api-key';

/** A data key as the control plane keeps it: wrapped under the master key, never in plain. */
export interface WrappedDataKey {
  keyId: string;
  wrapped: string;
  createdOn: string;
}

/** Accounts and API keys: the platform's own records, shared by every account. */
export interface ControlPlaneStore {
  /** Throws ConflictError when the account id is taken. */
  createAccount(account: Account): Promise<void>;
  getAccount(accountId: string): Promise<Account | undefined>;
  markAccountActive(accountId: string): Promise<void>;
  /** The id of the data key new values are sealed with; strongly consistent, so a rotation shows at once. */
  getCurrentDataKeyId(accountId: string): Promise<string | undefined>;
  getWrappedDataKey(accountId: string, keyId: string): Promise<WrappedDataKey | undefined>;
  /**
   * Stores the key and makes it the current one, if the current key is still `replacing`
   * (undefined: the account has none yet). False when it is not, or the account does not exist.
   */
  addDataKey(accountId: string, key: WrappedDataKey, replacing: string | undefined): Promise<boolean>;
  /** Every account id, for platform sweeps (scheduled events). */
  listAccountIds(): Promise<string[]>;
  putApiKey(key: ApiKeyRecord): Promise<void>;
  /** Strongly consistent, so a revocation holds from the next request on. */
  getApiKey(keyId: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(accountId: string): Promise<ApiKeyRecord[]>;
  /** Returns false when the key does not exist in that account or is already revoked. */
  revokeApiKey(accountId: string, keyId: string, revokedOn: string): Promise<boolean>;
  /** A real round trip to the store, for health checks. */
  ping(): Promise<void>;
}
