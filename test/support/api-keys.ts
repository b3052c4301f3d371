import type { AccountStatus } from '../../shared/domain/accounts/account';
import { issueApiKey, type ApiKeyRecord } from '../../shared/domain/accounts/api-key';
import type { InMemoryControlPlaneStore } from './control-plane-store';

const CREATED_ON = '2025-01-01T00:00:00.000Z';

/** Stores an account as POST /v1/accounts would have left it (ACTIVE unless told). */
export const seedAccount = (store: InMemoryControlPlaneStore, accountId: string, status: AccountStatus = 'ACTIVE'): void => {
  store.accounts.set(accountId, {
    accountId,
    name: accountId,
    environment: 'sandbox',
    region: 'us-east-1',
    status,
    tableName: `ordo-unit-acct-${accountId}`,
    createdOn: CREATED_ON,
  });
};

/**
 * Stores an ACTIVE key for an account and hands back the key a client would send. The account
 * is stored too, ACTIVE, unless the test stored it already.
 */
export const seedApiKey = async (
  store: InMemoryControlPlaneStore,
  key: { accountId: string; role: string } & Partial<Pick<ApiKeyRecord, 'retailerId' | 'expiresOn' | 'lastUsedOn'>>,
): Promise<{ keyId: string; apiKey: string }> => {
  if (!store.accounts.has(key.accountId)) seedAccount(store, key.accountId);
  const { keyId, apiKey, secretHash } = issueApiKey();
  await store.putApiKey({ ...key, keyId, secretHash, status: 'ACTIVE', createdOn: CREATED_ON });
  return { keyId, apiKey };
};
