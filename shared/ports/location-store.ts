import type { Location } from '../domain/locations/location';

/** The locations of one account. */
export interface LocationStore {
  /**
   * Stores the location. With `ownedBy`, only where no location of that ref exists yet or the
   * stored one is owned by that retailer: false, and nothing written, otherwise.
   */
  put(location: Location, ownedBy?: string): Promise<boolean>;
  get(ref: string): Promise<Location | undefined>;
  list(): Promise<Location[]>;
}
