/** A full count of one position, as bulk loads write it; reservations are kept apart. */
export interface StockCount {
  skuRef: string;
  locationRef: string;
  onHand: number;
  safetyStock: number;
  updatedOn: string;
  /** The batch chunk that last wrote this count, so a redelivered chunk can tell its own writes. */
  appliedBy?: string;
}
