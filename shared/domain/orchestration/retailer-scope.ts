import { ForbiddenError, NotFoundError, ValidationError } from '../errors';

/**
 * What a key scoped to one retailer meets when a request names another:
 * - `refuse` (writes): 403, since it says nothing about what the other retailer has;
 * - `hide` (reads): 404, as if nothing were there, so a scoped key cannot learn what exists.
 */
export type OtherRetailer = 'refuse' | 'hide';

const MAX_RETAILER_ID = 200;

/**
 * The retailer a request acts for. A key scoped to a retailer may act for that retailer
 * only; an unscoped key names the retailer in the request.
 */
export const retailerFor = (requested: string | undefined, scope: { retailerId?: string }, other: OtherRetailer = 'refuse'): string => {
  if (scope.retailerId) {
    if (requested && requested !== scope.retailerId) {
      if (other === 'hide') throw new NotFoundError(`Nothing of retailer ${requested} is visible to this key`);
      throw new ForbiddenError(`This key may only act for retailer ${scope.retailerId}`);
    }
    return scope.retailerId;
  }
  if (!requested) throw new ValidationError('retailerId is required', 'retailerId');
  // Retailer ids end up in keys; one longer than any body accepts (200) names no retailer.
  if (requested.length > MAX_RETAILER_ID) throw new ValidationError(`retailerId must be at most ${MAX_RETAILER_ID} characters`, 'retailerId');
  return requested;
};

/** Whether a record of `retailerId` is visible to the key: unscoped keys see every retailer's. */
export const visibleTo = (retailerId: string | undefined, scope: { retailerId?: string }): boolean =>
  !scope.retailerId || retailerId === scope.retailerId;
