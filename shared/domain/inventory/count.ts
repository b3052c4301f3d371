/** A full count of one position, as bulk loads write it; reservations are kept apart. */
export interface InventoryCount {
  skuRef: string;
  locationRef: string;
  onHand: number;
  safetyStock: number;
  updatedOn: string;
  /** The batch chunk that last wrote this count, so a redelivered chunk can tell its own writes. */
  appliedBy?: string;
}

/** Key of a position among others, e.g. in a map: the engine's own. */
export { stockKey as countKey } from '../../engine/stock-changes';
