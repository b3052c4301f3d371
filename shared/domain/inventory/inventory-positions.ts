import * as z from 'zod';
import type { Clock } from '../../ports/clock';
import type { InventoryStore } from '../../ports/inventory-store';
import type { LocationStore } from '../../ports/location-store';
import { NotFoundError, ValidationError } from '../domain-errors';
import { locationRefSchema } from '../locations/location';
import { requireLocationWriter } from '../locations/location-ownership';
import { validate } from '../validation';
import type { StockPosition } from '../../engine/engine-model';
import type { AccountPrincipal } from '../accounts/principal';
import { availableOf, skuRefSchema, type PositionInput } from './position';

export const positionView = (position: Omit<StockPosition, 'available'>) => ({ ...position, available: availableOf(position) });

/** A full count for one position; the location must exist, and be the scoped key's own. */
export const setInventoryCount = async (
  { locationRef: requestedLocation, skuRef: requestedSku, ...input }: { locationRef: string; skuRef: string } & PositionInput,
  scope: Pick<AccountPrincipal, 'retailerId'>,
  deps: { inventory: InventoryStore; locations: LocationStore; clock: Clock },
) => {
  const locationRef = validate(locationRefSchema, requestedLocation, 'locationRef');
  const skuRef = validate(skuRefSchema, requestedSku, 'skuRef');
  const location = await deps.locations.get(locationRef);
  if (!location) throw new NotFoundError(`No location ${locationRef} in this account`);
  requireLocationWriter(location, scope);
  const position = await deps.inventory.setCount({ skuRef, locationRef, ...input }, deps.clock.now().toISOString());
  return positionView(position);
};

export const inventoryQuerySchema = z.strictObject({
  skuRef: skuRefSchema.optional(),
  locationRef: locationRefSchema.optional(),
});

/** Positions of a SKU (across locations) or of a location (across SKUs), with availability; every key of the account reads them all. */
export const listInventory = async (query: z.infer<typeof inventoryQuerySchema>, _caller: unknown, deps: { inventory: InventoryStore }) => {
  if (!query.skuRef && !query.locationRef) throw new ValidationError('skuRef or locationRef is required', 'skuRef');
  const positions = query.skuRef
    ? (await deps.inventory.listBySku(query.skuRef)).filter((p) => !query.locationRef || p.locationRef === query.locationRef)
    : await deps.inventory.listByLocation(query.locationRef as string);
  return { items: positions.map(positionView) };
};
