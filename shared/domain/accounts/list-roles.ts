import type { RoleStore } from '../../ports/role-store';
import { customRoleView, type RoleView } from './define-role';
import type { AccountPrincipal } from './principal';
import { ROLES, builtInPermissions, type Permission, type Role } from './roles';

export type BuiltInRoleView = { name: Role; builtIn: true; permissions: Permission[] };

/** The built-in roles first, then the account's own, by name. */
export const listRoles = async (
  _input: Record<string, never>,
  principal: Pick<AccountPrincipal, 'accountId'>,
  deps: { roles: RoleStore },
): Promise<(BuiltInRoleView | RoleView)[]> => {
  const custom = await deps.roles.list(principal.accountId);
  return [
    ...ROLES.map((name): BuiltInRoleView => ({ name, builtIn: true, permissions: [...builtInPermissions(name)] })),
    ...custom.sort((a, b) => a.name.localeCompare(b.name)).map(customRoleView),
  ];
};
