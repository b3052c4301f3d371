import type { InventoryPosition } from '../domain/inventory/position';

/** Inventory positions of one account, one per (skuRef, locationRef). */
export interface InventoryStore {
  /**
   * Sets onHand (and safetyStock when given) from a full count, keeping the reservations.
   * Creates the position when it does not exist.
   */
  setCount(count: { skuRef: string; locationRef: string; onHand: number; safetyStock?: number }, updatedOn: string): Promise<InventoryPosition>;
  get(skuRef: string, locationRef: string): Promise<InventoryPosition | undefined>;
  listBySku(skuRef: string): Promise<InventoryPosition[]>;
  listByLocation(locationRef: string): Promise<InventoryPosition[]>;
}
