import type { Clock } from '../../ports/clock';
import type { RoleStore } from '../../ports/role-store';
import { ConflictError, ForbiddenError } from '../domain-errors';
import type { CustomRole, RoleDefinition } from './custom-role';
import type { AccountPrincipal } from './principal';
import { requireHeld } from './role-permissions';

export type RoleView = Omit<CustomRole, 'accountId'> & { builtIn: false };

export const customRoleView = ({ name, permissions, createdOn, updatedOn }: CustomRole): RoleView => ({
  name,
  builtIn: false,
  permissions,
  createdOn,
  updatedOn,
});

export type DefinedRole = { role: RoleView; created: boolean };

/**
 * Creates or replaces a custom role. The caller must hold every permission the role grants, before
 * and after the change: it can neither raise a role above itself nor rewrite one that is above it.
 */
export const defineRole = async (
  { name, ...definition }: RoleDefinition & { name: string },
  principal: AccountPrincipal,
  deps: { roles: RoleStore; clock: Clock },
): Promise<DefinedRole> => {
  // Roles are shared by every retailer of the account, so only an unscoped key may change them.
  if (principal.retailerId) {
    throw new ForbiddenError('Roles belong to the whole account: a key scoped to a retailer may not change them');
  }
  requireHeld(principal, definition.permissions, `grant ${name}`);
  const existing = await deps.roles.get(principal.accountId, name);
  if (existing) requireHeld(principal, existing.permissions, `change ${name}`);

  const now = deps.clock.now().toISOString();
  const role: CustomRole = {
    accountId: principal.accountId,
    name,
    permissions: definition.permissions,
    createdOn: existing?.createdOn ?? now,
    updatedOn: now,
  };
  if (!(await deps.roles.put(role, existing?.updatedOn))) {
    throw new ConflictError(`Role ${name} was changed by another request meanwhile; read it and try again`, 'name');
  }
  return { role: customRoleView(role), created: !existing };
};
