import type { AccountPrincipal } from '../accounts/principal';
import type { DataKeys } from '../../ports/keyring';

/** What a caller may see of customer data: in clear with CUSTOMER_READ, masked without. */
export interface CustomerAccess {
  accountId: string;
  keys: DataKeys;
  unmasked: boolean;
}

export const customerAccessOf = (principal: Pick<AccountPrincipal, 'accountId' | 'permissions'>, keys: DataKeys): CustomerAccess => ({
  accountId: principal.accountId,
  keys,
  unmasked: principal.permissions.has('CUSTOMER_READ'),
});
