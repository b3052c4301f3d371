import type { ControlPlaneStore } from '../../ports/control-plane-store';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { accountTableName } from './account';
import { parseApiKey, secretMatches } from './api-key';
import type { AccountPrincipal } from './principal';
import { roleGrants, type Permission } from './roles';

/** Turns an API key into the principal it belongs to, or refuses with 401. */
export const authenticateApiKey = async (
  apiKey: string | undefined,
  deps: { controlPlane: ControlPlaneStore; stage: string },
): Promise<AccountPrincipal> => {
  const parsed = apiKey ? parseApiKey(apiKey) : undefined;
  if (!parsed) throw new UnauthenticatedError();

  const record = await deps.controlPlane.getApiKey(parsed.keyId);
  if (!record || record.status !== 'ACTIVE' || !secretMatches(parsed.secret, record.secretHash)) {
    throw new UnauthenticatedError('The API key is unknown or has been revoked');
  }
  return {
    kind: 'account',
    accountId: record.accountId,
    keyId: record.keyId,
    role: record.role,
    retailerId: record.retailerId,
    tableName: accountTableName(deps.stage, record.accountId),
  };
};

export const requirePermission = (principal: AccountPrincipal, permission: Permission): void => {
  if (!roleGrants(principal.role, permission)) {
    throw new ForbiddenError(`Role ${principal.role} lacks the ${permission} permission`);
  }
};
