import { ForbiddenError } from '../domain-errors';
import type { Location } from './location';

/**
 * A location may have an owning retailer. Keys scoped to that retailer write it and its stock;
 * a shared location (no owner) and its stock are written by keys of the whole account only.
 * Every key reads every location and its stock: sourcing looks across the account.
 */
export const mayWriteStock = (location: Pick<Location, 'retailerId'>, writer: { ownedLocationsOf?: string }): boolean =>
  !writer.ownedLocationsOf || location.retailerId === writer.ownedLocationsOf;

/** Refuses a scoped key that would write a location it does not own. */
export const requireLocationWriter = (location: Pick<Location, 'ref' | 'retailerId'>, scope: { retailerId?: string }): void => {
  if (!scope.retailerId || location.retailerId === scope.retailerId) return;
  throw new ForbiddenError(
    location.retailerId === undefined
      ? `Location ${location.ref} is shared by the account: only a key that is not scoped to a retailer may change it or its stock`
      : `Location ${location.ref} is not owned by retailer ${scope.retailerId}: this key may only change locations its retailer owns`,
  );
};
