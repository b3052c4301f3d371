import type { AccountPrincipal } from '../../shared/domain/accounts/principal';
import { builtInPermissions, isBuiltInRole } from '../../shared/domain/accounts/roles';

/**
 * The principal authentication would make for a key of `acme` with a built-in role (ADMIN unless
 * told); a custom role needs its `permissions` given.
 */
export const accountPrincipal = (overrides: Partial<AccountPrincipal> = {}): AccountPrincipal => {
  const accountId = overrides.accountId ?? 'acme';
  const role = overrides.role ?? 'ADMIN';
  return {
    kind: 'account',
    accountId,
    keyId: 'aaaaaaaaaaaaaaaa',
    role,
    permissions: isBuiltInRole(role) ? builtInPermissions(role) : new Set(),
    tableName: `ordo-unit-acct-${accountId}`,
    ...overrides,
  };
};
