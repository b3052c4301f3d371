import type { RoleStore } from '../../ports/role-store';
import { ForbiddenError } from '../domain-errors';
import type { AccountPrincipal } from './principal';
import { builtInPermissions, isBuiltInRole, type Permission } from './roles';

const NONE: ReadonlySet<Permission> = new Set();

/**
 * What a role grants right now: a built-in role's fixed set, or the account's custom role as
 * stored. An unknown role grants nothing, so a key never holds more than its role says.
 */
export const permissionsOfRole = async (
  accountId: string,
  role: string,
  roles: RoleStore,
): Promise<ReadonlySet<Permission> | undefined> => {
  if (isBuiltInRole(role)) return builtInPermissions(role);
  const custom = await roles.get(accountId, role);
  return custom ? new Set(custom.permissions) : undefined;
};

export const grantedPermissions = async (accountId: string, role: string, roles: RoleStore): Promise<ReadonlySet<Permission>> =>
  (await permissionsOfRole(accountId, role, roles)) ?? NONE;

/** No escalation: a key hands out, through a key or a role, only permissions it holds itself. */
export const requireHeld = (principal: AccountPrincipal, wanted: Iterable<Permission>, action: string): void => {
  const missing = [...wanted].filter((permission) => !principal.permissions.has(permission));
  if (missing.length > 0) {
    throw new ForbiddenError(`This key may not ${action}: it lacks ${missing.join(', ')} itself`);
  }
};
