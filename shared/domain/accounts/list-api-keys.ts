import type { ControlPlaneStore } from '../../ports/control-plane-store';
import type { ApiKeyRecord } from './api-key';
import type { AccountPrincipal } from './principal';

export type ApiKeySummary = Omit<ApiKeyRecord, 'secretHash' | 'accountId'>;

/** A key scoped to a retailer sees only the keys scoped to that same retailer. */
export const listAccountApiKeys = async (
  _input: Record<string, never>,
  principal: Pick<AccountPrincipal, 'accountId' | 'retailerId'>,
  deps: { controlPlane: ControlPlaneStore },
): Promise<ApiKeySummary[]> => {
  const keys = await deps.controlPlane.listApiKeys(principal.accountId);
  return keys
    .filter((key) => principal.retailerId === undefined || key.retailerId === principal.retailerId)
    .map(({ keyId, role, retailerId, status, createdOn, revokedOn, expiresOn, lastUsedOn }) => ({
      keyId,
      role,
      retailerId,
      status,
      createdOn,
      revokedOn,
      expiresOn,
      lastUsedOn,
    }));
};
