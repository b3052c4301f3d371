import type { Account, AccountStatus, OperatorStatus } from '../domain/accounts/account';
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
  /** The account's status alone, read on every request: strongly consistent, so a suspension holds from the next one. */
  getAccountStatus(accountId: string): Promise<AccountStatus | undefined>;
  markAccountActive(accountId: string): Promise<void>;
  /** The id of the data key new values are sealed with; strongly consistent, so a rotation shows at once. */
  getCurrentDataKeyId(accountId: string): Promise<string | undefined>;
  getWrappedDataKey(accountId: string, keyId: string): Promise<WrappedDataKey | undefined>;
  /**
   * Stores the key and makes it the current one, if the current key is still `replacing`
   * (undefined: the account has none yet). False when it is not, or the account does not exist.
   */
  addDataKey(accountId: string, key: WrappedDataKey, replacing: string | undefined): Promise<boolean>;
  /**
   * Sets an ACTIVE or SUSPENDED account's status and returns the account as it now is;
   * undefined when the account does not exist or is still PROVISIONING.
   */
  setAccountStatus(accountId: string, status: OperatorStatus, changedOn: string): Promise<Account | undefined>;
  /**
   * Sets (or, with undefined, removes) an ACTIVE or SUSPENDED account's own rate limit and returns
   * the account as it now is; undefined when the account does not exist or is still PROVISIONING.
   */
  setAccountRateLimit(accountId: string, rateLimitPerSecond: number | undefined): Promise<Account | undefined>;
  /** The account's own rate limit, when the operator set one. */
  getAccountRateLimit(accountId: string): Promise<number | undefined>;
  /** Every account id, for platform sweeps (scheduled events). */
  listAccountIds(): Promise<string[]>;
  putApiKey(key: ApiKeyRecord): Promise<void>;
  /** Strongly consistent, so a revocation holds from the next request on. */
  getApiKey(keyId: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(accountId: string): Promise<ApiKeyRecord[]>;
  /**
   * Returns false when the key does not exist in that account, is already revoked or, when
   * `retailerId` is given, is not scoped to that retailer.
   */
  revokeApiKey(accountId: string, keyId: string, revokedOn: string, retailerId?: string): Promise<boolean>;
  /**
   * Sets the key's lastUsedOn to `usedOn` unless it is later than `staleBefore`: one write a minute
   * per key at most, however many containers authenticate it. Returns false when it was not due.
   */
  recordApiKeyUse(keyId: string, usedOn: string, staleBefore: string): Promise<boolean>;
  /** A real round trip to the store, for health checks. */
  ping(): Promise<void>;
}
