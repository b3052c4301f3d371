import type { InventoryReader, StockRead } from '../../engine/engine-store';
import type { LocationStore } from '../../ports/location-store';
import type { SourcingProfileStore } from '../../ports/sourcing-profile-store';
import { DEFAULT_SOURCING_PROFILE, type SourcingLocation, type SourcingProfile, type AvailableStock } from './sourcing-model';

export interface SourcingData {
  locations: LocationStore;
  stock: InventoryReader;
  profiles: SourcingProfileStore;
}

/** Where sourcing reads its inputs from: the catalogue, and stock as committed or as an execution sees it. */
export interface SourcingSource {
  profile(retailerId: string): Promise<SourcingProfile | undefined>;
  locations(): Promise<SourcingLocation[]>;
  /** Stock of these SKUs at every location; `available` may be negative and is clamped here. */
  stock(skuRefs: string[]): Promise<readonly AvailableStock[]>;
}

/** The committed stock, from the read model or read exactly (see StockRead). */
export const committedSource = (data: SourcingData, read: StockRead): SourcingSource => ({
  profile: (retailerId) => data.profiles.get(retailerId),
  locations: () => data.locations.list(),
  // Positions are handed on as read (they carry more than AvailableStock asks): at thousands of locations
  // a copy of each would cost more than the search.
  stock: (skuRefs) => data.stock.positions(skuRefs, read),
});

/**
 * What sourcing decides on: the retailer's profile (the default when it has none), the
 * locations, and the stock of the requested SKUs. The availability API and the SourceOrder
 * rule both load it here, from different sources of stock.
 */
export const loadSourcingInputs = async (
  retailerId: string,
  skuRefs: string[],
  source: SourcingSource,
): Promise<{ profile: SourcingProfile; locations: SourcingLocation[]; positions: AvailableStock[] }> => {
  const [profile, locations, stock] = await Promise.all([
    source.profile(retailerId),
    source.locations(),
    source.stock([...new Set(skuRefs)]),
  ]);
  return {
    profile: profile ?? DEFAULT_SOURCING_PROFILE,
    locations,
    positions: stock.map((position) => (position.available >= 0 ? position : { ...position, available: 0 })),
  };
};
