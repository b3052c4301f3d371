import type { InventoryStore } from '../../ports/inventory-store';
import type { LocationStore } from '../../ports/location-store';
import type { SourcingProfileStore } from '../../ports/sourcing-profile-store';
import { availableOf } from '../inventory/position';
import { DEFAULT_SOURCING_PROFILE, type SourcingLocation, type SourcingProfile, type StockPosition } from './model';

export interface SourcingData {
  locations: LocationStore;
  inventory: InventoryStore;
  profiles: SourcingProfileStore;
}

/**
 * What sourcing decides on: the retailer's profile, the locations, and the stock of the
 * requested SKUs. The availability API and the SourceOrder rule both load it here.
 */
export const loadSourcingInputs = async (
  retailerId: string,
  skuRefs: string[],
  data: SourcingData,
): Promise<{ profile: SourcingProfile; locations: SourcingLocation[]; positions: StockPosition[] }> => {
  const [profile, locations, perSku] = await Promise.all([
    data.profiles.get(retailerId),
    data.locations.list(),
    Promise.all([...new Set(skuRefs)].map((skuRef) => data.inventory.listBySku(skuRef))),
  ]);
  return {
    profile: profile ?? DEFAULT_SOURCING_PROFILE,
    locations,
    positions: perSku.flat().map((position) => ({
      skuRef: position.skuRef,
      locationRef: position.locationRef,
      available: availableOf(position),
    })),
  };
};
