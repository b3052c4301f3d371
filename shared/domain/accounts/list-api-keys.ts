import type { ControlPlaneStore } from '../../ports/control-plane-store';
import type { ApiKeyRecord } from './api-key';
import type { AccountPrincipal } from './principal';

export type ApiKeySummary = Omit<ApiKeyRecord, 'secretHash' | 'accountId'>;

export const listAccountApiKeys = async (
  principal: AccountPrincipal,
  deps: { controlPlane: ControlPlaneStore },
): Promise<ApiKeySummary[]> => {
  const keys = await deps.controlPlane.listApiKeys(principal.accountId);
  return keys.map(({ keyId, role, retailerId, status, createdOn, revokedOn }) => ({
    keyId,
    role,
    retailerId,
    status,
    createdOn,
    revokedOn,
  }));
};
