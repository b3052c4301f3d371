import type { StockPosition } from '../engine/engine-model';

/**
 * Stock positions of one account, one per (skuRef, locationRef), without the stored `available`:
 * the inventory API works it out afresh, never below zero.
 */
export interface InventoryStore {
  /**
   * Sets onHand (and safetyStock when given) from a full count, keeping the reservations.
   * Creates the position when it does not exist.
   */
  setCount(count: { skuRef: string; locationRef: string; onHand: number; safetyStock?: number }, updatedOn: string): Promise<Omit<StockPosition, 'available'>>;
  get(skuRef: string, locationRef: string): Promise<Omit<StockPosition, 'available'> | undefined>;
  listBySku(skuRef: string): Promise<Omit<StockPosition, 'available'>[]>;
  listByLocation(locationRef: string): Promise<Omit<StockPosition, 'available'>[]>;
}
