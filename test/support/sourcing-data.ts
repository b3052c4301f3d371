import type { InventoryReader, StockRead } from '../../shared/engine/engine-store';
import type { StockPosition } from '../../shared/engine/engine-model';
import type { SourcingData } from '../../shared/domain/sourcing/sourcing-inputs';
import type { SourcingProfile } from '../../shared/domain/sourcing/sourcing-model';
import type { SourcingProfileStore } from '../../shared/ports/sourcing-profile-store';
import { InMemoryLocationStore } from './jobs';

/**
 * Stock as the read model and an exact read each give it, which may differ as they do while the
 * summaries lag the commits. Records which reads were asked for, in order.
 */
export class TwoReadInventory implements InventoryReader {
  readonly reads: StockRead[] = [];

  constructor(private readonly answers: Record<StockRead, readonly StockPosition[]>) {}

  async positions(skuRefs: string[], read: StockRead = 'exact'): Promise<StockPosition[]> {
    this.reads.push(read);
    return this.answers[read].filter((position) => skuRefs.includes(position.skuRef)).map((position) => ({ ...position }));
  }
}

/** Sourcing profiles of one account, in memory. */
export class InMemorySourcingProfileStore implements SourcingProfileStore {
  readonly profiles = new Map<string, SourcingProfile>();

  async put(retailerId: string, profile: SourcingProfile): Promise<void> {
    this.profiles.set(retailerId, structuredClone(profile));
  }

  async get(retailerId: string): Promise<SourcingProfile | undefined> {
    const found = this.profiles.get(retailerId);
    return found && structuredClone(found);
  }

  async putIfAbsent(retailerId: string, profile: SourcingProfile): Promise<boolean> {
    if (this.profiles.has(retailerId)) return false;
    await this.put(retailerId, profile);
    return true;
  }
}

/** A position with this much available, nothing reserved and no safety stock. */
export const positionOf = (skuRef: string, locationRef: string, available: number): StockPosition => ({
  skuRef,
  locationRef,
  onHand: available,
  reserved: 0,
  safetyStock: 0,
  available,
});

/** What sourcing reads, in memory: the locations by ref (see InMemoryLocationStore), the stock given, no profile. */
export const sourcingData = (stock: InventoryReader, locationRefs: readonly string[]): SourcingData => ({
  locations: new InMemoryLocationStore(locationRefs),
  stock,
  profiles: new InMemorySourcingProfileStore(),
});
