import { ForbiddenError, ValidationError } from '../errors';

const MAX_RETAILER_ID = 200;

/**
 * The retailer a request acts for. A key scoped to a retailer may act for that retailer
 * only; an unscoped key names the retailer in the request.
 */
export const retailerFor = (requested: string | undefined, scope: { retailerId?: string }): string => {
  if (scope.retailerId) {
    if (requested && requested !== scope.retailerId) {
      throw new ForbiddenError(`This key may only act for retailer ${scope.retailerId}`);
    }
    return scope.retailerId;
  }
  if (!requested) throw new ValidationError('retailerId is required', 'retailerId');
  // Retailer ids end up in keys; one longer than any body accepts (200) names no retailer.
  if (requested.length > MAX_RETAILER_ID) throw new ValidationError(`retailerId must be at most ${MAX_RETAILER_ID} characters`, 'retailerId');
  return requested;
};
