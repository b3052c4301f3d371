import type { DataKeys } from '../../ports/keyring';
import type { AccountPrincipal } from '../accounts/principal';
import { ForbiddenError } from '../domain-errors';

/** Starts a new data key for the account's new customer data; older data stays readable with its own key. */
export const rotateDataKey = async (
  _input: Record<string, never>,
  principal: Pick<AccountPrincipal, 'accountId' | 'retailerId'>,
  { dataKeys }: { dataKeys: DataKeys },
) => {
  if (principal.retailerId) {
    throw new ForbiddenError('The data key belongs to the whole account: rotate it with a key not scoped to a retailer');
  }
  return dataKeys.rotate(principal.accountId);
};
