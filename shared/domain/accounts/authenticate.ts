import type { ControlPlaneStore } from '../../ports/control-plane-store';
import type { RoleStore } from '../../ports/role-store';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { accountTableName } from './account';
import { parseApiKey, secretMatches } from './api-key';
import type { AccountPrincipal } from './principal';
import { grantedPermissions } from './role-permissions';
import type { Permission } from './roles';

export interface AuthenticationDeps {
  controlPlane: ControlPlaneStore;
  roles: RoleStore;
  stage: string;
}

/**
 * Turns an API key into the principal it belongs to, or refuses with 401. The role's permissions
 * are read on every request, so a changed custom role holds from the next request on.
 */
export const authenticateApiKey = async (apiKey: string | undefined, deps: AuthenticationDeps): Promise<AccountPrincipal> => {
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
    permissions: await grantedPermissions(record.accountId, record.role, deps.roles),
    retailerId: record.retailerId,
    tableName: accountTableName(deps.stage, record.accountId),
  };
};

export const requirePermission = (principal: AccountPrincipal, permission: Permission): void => {
  if (!principal.permissions.has(permission)) {
    throw new ForbiddenError(`Role ${principal.role} lacks the ${permission} permission`);
  }
};
