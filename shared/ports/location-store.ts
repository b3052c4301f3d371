import type { Location } from '../domain/locations/location';

/** The locations of one account. */
export interface LocationStore {
  put(location: Location): Promise<void>;
  get(ref: string): Promise<Location | undefined>;
  list(): Promise<Location[]>;
}
