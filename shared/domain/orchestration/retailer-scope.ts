import { retailerIdSchema } from '../../engine/workflow';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain-errors';
import { validate } from '../validation';

/**
 * What a key scoped to one retailer meets when a request names another:
 * - `refuse` (writes): 403, since it says nothing about what the other retailer has;
 * - `hide` (reads): 404, as if nothing were there, so a scoped key cannot learn what exists.
 */
export type OtherRetailer = 'refuse' | 'hide';

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
  // From a path or a query too, not only from a body schema: retailer ids end up in keys.
  return validate(retailerIdSchema, requested, 'retailerId');
};

/** Whether a record of `retailerId` is visible to the key: unscoped keys see every retailer's. */
export const visibleTo = (retailerId: string | undefined, scope: { retailerId?: string }): boolean =>
  !scope.retailerId || retailerId === scope.retailerId;
