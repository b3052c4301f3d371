import type { AccountProfile, AccountProfileStore } from '../../ports/account-profile-store';
import { NotFoundError } from '../domain-errors';
import type { AccountPrincipal } from './principal';

/** Reads the caller's own account from the caller's own table. */
export const getOwnAccount = async (
  _input: Record<string, never>,
  principal: Pick<AccountPrincipal, 'accountId' | 'tableName' | 'role' | 'keyId'>,
  deps: { profiles: AccountProfileStore },
): Promise<AccountProfile & { role: string; keyId: string }> => {
  const profile = await deps.profiles.get(principal.tableName);
  if (!profile) throw new NotFoundError(`Account ${principal.accountId} has no profile`);
  return { ...profile, role: principal.role, keyId: principal.keyId };
};
