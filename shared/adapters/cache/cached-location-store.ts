import type { Location } from '../../domain/locations/location';
import type { Clock } from '../../ports/clock';
import type { LocationStore } from '../../ports/location-store';

/**
 * Keeps the list of an account's locations for a few seconds. Sourcing reads every location
 * on every request; locations change a few times a day, so a short TTL saves a Query per
 * request at the cost of a change taking up to the TTL to be seen by sourcing.
 */
export class CachedLocationStore implements LocationStore {
  private cached?: { expiresAt: number; locations: Promise<Location[]> };

  constructor(
    private readonly store: LocationStore,
    private readonly clock: Clock,
    private readonly ttlMs = 5_000,
  ) {}

  async put(location: Location, ownedBy?: string): Promise<boolean> {
    const written = await this.store.put(location, ownedBy);
    if (written) this.cached = undefined;
    return written;
  }

  get(ref: string): Promise<Location | undefined> {
    return this.store.get(ref);
  }

  list(): Promise<Location[]> {
    const now = this.clock.now().getTime();
    if (!this.cached || this.cached.expiresAt <= now) {
      const locations = this.store.list();
      this.cached = { expiresAt: now + this.ttlMs, locations };
      locations.catch(() => (this.cached = undefined));
    }
    return this.cached.locations;
  }
}
