import type { Clock } from '../../ports/clock';
import type { LocationStore } from '../../ports/location-store';
import { NotFoundError } from '../errors';
import { locationRefSchema, type Location, type LocationInput } from './location';
import { validate } from '../validation';

export const putLocation = async (
  ref: string,
  input: LocationInput,
  deps: { locations: LocationStore; clock: Clock },
): Promise<Location> => {
  const location: Location = { ...input, ref: validate(locationRefSchema, ref, 'ref'), updatedOn: deps.clock.now().toISOString() };
  await deps.locations.put(location);
  return location;
};

export const getLocation = async (ref: string, deps: { locations: LocationStore }): Promise<Location> => {
  const location = await deps.locations.get(validate(locationRefSchema, ref, 'ref'));
  if (!location) throw new NotFoundError(`No location ${ref} in this account`);
  return location;
};
