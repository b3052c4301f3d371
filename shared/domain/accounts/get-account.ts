import type { AccountProfile, AccountProfileStore } from '../../ports/account-profile-store';
import type { ControlPlaneStore } from '../../ports/control-plane-store';
import { NotFoundError } from '../domain-errors';
import type { AccountPrincipal } from './principal';
import type { Permission } from './roles';

export type OwnAccount = AccountProfile & {
  homeRegion?: string;
  role: string;
  keyId: string;
  retailerId?: string;
  permissions: Permission[];
};

/**
 * Reads the caller's own account from the caller's own table, with the home region the control
 * plane recorded when the account was created (the region whose stack holds its table), and what
 * the calling key may do: its retailer scope and its role's permissions as granted on this request,
 * so a client offers only the actions the key may take.
 */
export const getOwnAccount = async (
  _input: Record<string, never>,
  principal: Pick<AccountPrincipal, 'accountId' | 'tableName' | 'role' | 'keyId' | 'retailerId' | 'permissions'>,
  deps: { profiles: AccountProfileStore; controlPlane: Pick<ControlPlaneStore, 'getAccount'> },
): Promise<OwnAccount> => {
  const [profile, record] = await Promise.all([deps.profiles.get(principal.tableName), deps.controlPlane.getAccount(principal.accountId)]);
  if (!profile) throw new NotFoundError(`Account ${principal.accountId} has no profile`);
  return {
    ...profile,
    ...(record ? { homeRegion: record.region } : {}),
    role: principal.role,
    keyId: principal.keyId,
    ...(principal.retailerId ? { retailerId: principal.retailerId } : {}),
    permissions: [...principal.permissions].sort(),
  };
};
