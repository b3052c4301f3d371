import type { Account, AccountStatus, OperatorStatus } from '../../shared/domain/accounts/account';
import type { ApiKeyRecord } from '../../shared/domain/accounts/api-key';
import { ConflictError } from '../../shared/domain/domain-errors';
import type { ControlPlaneStore, WrappedDataKey } from '../../shared/ports/control-plane-store';

/** Keeps accounts and keys in maps, with the same guarantees the port promises. */
export class InMemoryControlPlaneStore implements ControlPlaneStore {
  readonly accounts = new Map<string, Account>();
  readonly apiKeys = new Map<string, ApiKeyRecord>();
  readonly apiKeyReads: string[] = [];
  /** Set to make ping fail, as an unreachable store would. */
  pingFailure: Error | undefined;
  /** Set to make ping take this many milliseconds of (fake) time. */
  pingDelayMs = 0;

  async createAccount(account: Account): Promise<void> {
    if (this.accounts.has(account.accountId)) {
      throw new ConflictError(`Account ${account.accountId} already exists`, 'accountId');
    }
    this.accounts.set(account.accountId, { ...account });
  }

  async getAccount(accountId: string): Promise<Account | undefined> {
    const account = this.accounts.get(accountId);
    return account && { ...account };
  }

  async getAccountStatus(accountId: string): Promise<AccountStatus | undefined> {
    return this.accounts.get(accountId)?.status;
  }

  /** Every data key of each account, by key id. */
  readonly dataKeys = new Map<string, Map<string, WrappedDataKey>>();
  readonly currentDataKeyIds = new Map<string, string>();

  async getCurrentDataKeyId(accountId: string): Promise<string | undefined> {
    return this.currentDataKeyIds.get(accountId);
  }

  async getWrappedDataKey(accountId: string, keyId: string): Promise<WrappedDataKey | undefined> {
    const key = this.dataKeys.get(accountId)?.get(keyId);
    return key && { ...key };
  }

  async addDataKey(accountId: string, key: WrappedDataKey, replacing: string | undefined): Promise<boolean> {
    if (!this.accounts.has(accountId) || this.currentDataKeyIds.get(accountId) !== replacing) return false;
    const keys = this.dataKeys.get(accountId) ?? new Map<string, WrappedDataKey>();
    if (keys.has(key.keyId)) return false;
    this.dataKeys.set(accountId, keys.set(key.keyId, { ...key }));
    this.currentDataKeyIds.set(accountId, key.keyId);
    return true;
  }

  async listAccountIds(): Promise<string[]> {
    return [...this.accounts.keys()];
  }

  async markAccountActive(accountId: string): Promise<void> {
    const account = this.accounts.get(accountId);
    if (!account) throw new Error(`fake: no account ${accountId}`);
    this.accounts.set(accountId, { ...account, status: 'ACTIVE' });
  }

  async setAccountStatus(accountId: string, status: OperatorStatus, changedOn: string): Promise<Account | undefined> {
    const account = this.accounts.get(accountId);
    if (!account || account.status === 'PROVISIONING') return undefined;
    const changed = { ...account, status, statusChangedOn: changedOn };
    this.accounts.set(accountId, changed);
    return { ...changed };
  }

  async setAccountRateLimit(accountId: string, rateLimitPerSecond: number | undefined): Promise<Account | undefined> {
    const account = this.accounts.get(accountId);
    if (!account || account.status === 'PROVISIONING') return undefined;
    const { rateLimitPerSecond: _previous, ...rest } = account;
    const changed = rateLimitPerSecond === undefined ? rest : { ...rest, rateLimitPerSecond };
    this.accounts.set(accountId, changed);
    return { ...changed };
  }

  async getAccountRateLimit(accountId: string): Promise<number | undefined> {
    return this.accounts.get(accountId)?.rateLimitPerSecond;
  }

  async putApiKey(key: ApiKeyRecord): Promise<void> {
    if (this.apiKeys.has(key.keyId)) throw new Error(`fake: key ${key.keyId} already stored`);
    this.apiKeys.set(key.keyId, { ...key });
  }

  async getApiKey(keyId: string): Promise<ApiKeyRecord | undefined> {
    this.apiKeyReads.push(keyId);
    const key = this.apiKeys.get(keyId);
    return key && { ...key };
  }

  async listApiKeys(accountId: string): Promise<ApiKeyRecord[]> {
    return [...this.apiKeys.values()].filter((key) => key.accountId === accountId).map((key) => ({ ...key }));
  }

  async revokeApiKey(accountId: string, keyId: string, revokedOn: string, retailerId?: string): Promise<boolean> {
    const key = this.apiKeys.get(keyId);
    if (!key || key.accountId !== accountId || key.status !== 'ACTIVE') return false;
    if (retailerId !== undefined && key.retailerId !== retailerId) return false;
    this.apiKeys.set(keyId, { ...key, status: 'REVOKED', revokedOn });
    return true;
  }

  /** Set to make recordApiKeyUse fail, as a throttled table would. */
  recordUseFailure: Error | undefined;

  async recordApiKeyUse(keyId: string, usedOn: string, staleBefore: string): Promise<boolean> {
    if (this.recordUseFailure) throw this.recordUseFailure;
    const key = this.apiKeys.get(keyId);
    if (!key || (key.lastUsedOn !== undefined && key.lastUsedOn > staleBefore)) return false;
    this.apiKeys.set(keyId, { ...key, lastUsedOn: usedOn });
    return true;
  }

  async ping(): Promise<void> {
    if (this.pingDelayMs) jest.setSystemTime(Date.now() + this.pingDelayMs);
    if (this.pingFailure) throw this.pingFailure;
  }
}
