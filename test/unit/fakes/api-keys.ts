import { issueApiKey, type ApiKeyRecord } from '../../../shared/domain/accounts/api-key';
import type { InMemoryControlPlaneStore } from './control-plane-store';

/** Stores an ACTIVE key for an account and hands back the key a client would send. */
export const seedApiKey = async (
  store: InMemoryControlPlaneStore,
  key: { accountId: string; role: string } & Partial<Pick<ApiKeyRecord, 'retailerId' | 'expiresOn' | 'lastUsedOn'>>,
): Promise<{ keyId: string; apiKey: string }> => {
  const { keyId, apiKey, secretHash } = issueApiKey();
  await store.putApiKey({ ...key, keyId, secretHash, status: 'ACTIVE', createdOn: '2025-01-01T00:00:00.000Z' });
  return { keyId, apiKey };
};
