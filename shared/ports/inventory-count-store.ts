import type { StockCount } from '../domain/inventory/stock-count';

/** Full counts of positions, read and written in bulk. Reservations are not touched. */
export interface InventoryCountStore {
  /** The stored counts of these positions, keyed by stockKey; missing positions are absent. */
  getCounts(positions: readonly { skuRef: string; locationRef: string }[]): Promise<Map<string, StockCount>>;
  /** Replaces the counts, in as few requests as the database allows. */
  putCounts(counts: readonly StockCount[]): Promise<void>;
}
