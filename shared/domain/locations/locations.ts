import type { Clock } from '../../ports/clock';
import type { LocationStore } from '../../ports/location-store';
import type { AccountPrincipal } from '../accounts/principal';
import { ConflictError, NotFoundError } from '../domain-errors';
import { locationRefSchema, type Location, type LocationInput } from './location';
import { requireLocationWriter } from './location-ownership';
import { retailerFor } from '../orchestration/retailer-scope';
import { validate } from '../validation';

/**
 * Creates or replaces a location. A key scoped to a retailer creates locations owned by that
 * retailer and changes only those; shared locations are changed by keys of the whole account.
 */
export const putLocation = async (
  { ref, location: input }: { ref: string; location: LocationInput },
  scope: Pick<AccountPrincipal, 'retailerId'>,
  deps: { locations: LocationStore; clock: Clock },
): Promise<Location> => {
  const locationRef = validate(locationRefSchema, ref, 'ref');
  const owner = scope.retailerId ? retailerFor(input.retailerId, scope) : input.retailerId;
  // Refused up front when it plainly is not this retailer's, so nothing is even attempted; the
  // write still checks the owner itself, for a location created or handed over meanwhile.
  const existing = scope.retailerId ? await deps.locations.get(locationRef) : undefined;
  if (existing) requireLocationWriter(existing, scope);
  const location: Location = { ...input, ...(owner ? { retailerId: owner } : {}), ref: locationRef, updatedOn: deps.clock.now().toISOString() };
  if (!(await deps.locations.put(location, scope.retailerId))) {
    // Refused by the owner check: say whose it is, as far as this key may know.
    requireLocationWriter((await deps.locations.get(locationRef)) ?? { ref: locationRef }, scope);
    throw new ConflictError(`Location ${locationRef} changed while it was written: send it again`, 'ref');
  }
  return location;
};

/** Every key of the account reads every location: stock and sourcing span them all. */
export const getLocation = async ({ ref }: { ref: string }, _caller: unknown, deps: { locations: LocationStore }): Promise<Location> => {
  const location = await deps.locations.get(validate(locationRefSchema, ref, 'ref'));
  if (!location) throw new NotFoundError(`No location ${ref} in this account`);
  return location;
};

export const listLocations = async (_input: unknown, _caller: unknown, deps: { locations: LocationStore }) => ({
  items: await deps.locations.list(),
});
