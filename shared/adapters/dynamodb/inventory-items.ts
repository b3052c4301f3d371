import { stockKey } from '../../engine/stock-changes';
import type { StockPosition } from '../../engine/engine-model';
import type { StockCount } from '../../domain/inventory/stock-count';

export type { StockCount };

/**
 * An inventory position is two items in the SKU's partition `SKU#<skuRef>`:
 * - its count, SK `LOC#<locationRef>`: onHand and safetyStock. Bulk loads replace it with
 *   BatchWriteItem Puts, which cannot carry a condition, so nothing else lives on it that a
 *   blind Put could wipe out; the engine only takes consumed units off onHand.
 * - its reservations, SK `RES#<locationRef>`: reserved, changed only in engine transactions.
 * One Query of the partition reads both. On GSI1 both sit under `LOC#<locationRef>`, so one
 * Query lists a location's positions too.
 */
export const skuPartition = (skuRef: string) => `SKU#${skuRef}`;
export const stockCountKey = (skuRef: string, locationRef: string) => ({ PK: skuPartition(skuRef), SK: `LOC#${locationRef}` });
export const reservationKey = (skuRef: string, locationRef: string) => ({ PK: skuPartition(skuRef), SK: `RES#${locationRef}` });
export const locationPartition = (locationRef: string) => `LOC#${locationRef}`;

/** The attributes a count item carries besides its figures, so it is indexed by location. */
export const stockCountAttributes = (skuRef: string, locationRef: string) => ({
  GSI1PK: locationPartition(locationRef),
  GSI1SK: `SKU#${skuRef}`,
  skuRef,
  locationRef,
});

export const stockCountItem = (count: StockCount) => ({
  ...stockCountKey(count.skuRef, count.locationRef),
  ...stockCountAttributes(count.skuRef, count.locationRef),
  onHand: count.onHand,
  safetyStock: count.safetyStock,
  updatedOn: count.updatedOn,
  ...(count.appliedBy === undefined ? {} : { appliedBy: count.appliedBy }),
});

export const stockCountFromItem = (item: Record<string, unknown>): StockCount => {
  const count: StockCount = {
    skuRef: item.skuRef as string,
    locationRef: item.locationRef as string,
    onHand: Number(item.onHand ?? 0),
    safetyStock: Number(item.safetyStock ?? 0),
    updatedOn: item.updatedOn as string,
  };
  if (typeof item.appliedBy === 'string') count.appliedBy = item.appliedBy;
  return count;
};

/** The attributes a reservation item is created with besides `reserved`. */
export const reservationAttributes = (skuRef: string, locationRef: string) => ({
  GSI1PK: locationPartition(locationRef),
  GSI1SK: `RES#${skuRef}`,
  skuRef,
  locationRef,
});

const isReservation = (item: Record<string, unknown>) => typeof item.SK === 'string' && item.SK.startsWith('RES#');

/**
 * Joins the count and reservation items of positions read together. `available` is
 * onHand − reserved − safetyStock and may be negative after a recount. A reservation item
 * without a count is not a position (nothing was ever counted there).
 */
export const stockPositionsFromItems = (items: readonly Record<string, unknown>[]): StockPosition[] => {
  const reserved = new Map<string, number>();
  for (const item of items) {
    if (isReservation(item)) reserved.set(stockKey(item.skuRef as string, item.locationRef as string), Number(item.reserved ?? 0));
  }
  return items
    .filter((item) => !isReservation(item))
    .map((item) => {
      const count = stockCountFromItem(item);
      const held = reserved.get(stockKey(count.skuRef, count.locationRef)) ?? 0;
      const position: StockPosition = {
        skuRef: count.skuRef,
        locationRef: count.locationRef,
        onHand: count.onHand,
        reserved: held,
        safetyStock: count.safetyStock,
        available: count.onHand - held - count.safetyStock,
      };
      if (typeof count.updatedOn === 'string') position.updatedOn = count.updatedOn;
      return position;
    });
};
