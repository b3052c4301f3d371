import type { SourcingProfile } from '../../domain/sourcing/sourcing-model';
import type { Clock } from '../../ports/clock';
import type { SourcingProfileStore } from '../../ports/sourcing-profile-store';

/**
 * Keeps each retailer's sourcing profile for a few seconds: every availability check and
 * SourceOrder reads it, and it changes rarely. A new profile is seen within the TTL.
 */
export class CachedSourcingProfileStore implements SourcingProfileStore {
  private readonly cached = new Map<string, { expiresAt: number; profile: Promise<SourcingProfile | undefined> }>();

  constructor(
    private readonly store: SourcingProfileStore,
    private readonly clock: Clock,
    private readonly ttlMs = 5_000,
  ) {}

  async put(retailerId: string, profile: SourcingProfile): Promise<void> {
    await this.store.put(retailerId, profile);
    this.cached.delete(retailerId);
  }

  async putIfAbsent(retailerId: string, profile: SourcingProfile): Promise<boolean> {
    const stored = await this.store.putIfAbsent(retailerId, profile);
    this.cached.delete(retailerId);
    return stored;
  }

  get(retailerId: string): Promise<SourcingProfile | undefined> {
    const now = this.clock.now().getTime();
    const hit = this.cached.get(retailerId);
    if (hit && hit.expiresAt > now) return hit.profile;
    const profile = this.store.get(retailerId);
    profile.catch(() => this.cached.delete(retailerId));
    this.cached.set(retailerId, { expiresAt: now + this.ttlMs, profile });
    return profile;
  }
}
