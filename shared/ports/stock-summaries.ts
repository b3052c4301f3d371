/**
 * A change to one part of an inventory position, as the table's change stream reports it: the figures
 * the item holds after the write (absolute, so applying one twice, or again after a later one was
 * applied and then replayed in order, ends in the same figures).
 */
export type StockFigureChange =
  | { skuRef: string; locationRef: string; part: 'count'; count?: { onHand: number; safetyStock: number } }
  | { skuRef: string; locationRef: string; part: 'reservation'; reserved: number };

/**
 * The availability read model of one account (see shared/engine/README.md, "The availability read
 * model"): a summary of every location's figures per SKU, kept from the change stream.
 */
export interface StockSummaries {
  /**
   * Applies the changes, in order, to the summaries of their SKUs. A SKU without a summary gets one
   * rebuilt from its positions read exactly, when `build` is true (the stream's consumer); otherwise it
   * is left without one, and read exactly until the consumer builds it.
   */
  apply(changes: readonly StockFigureChange[], options?: { build: boolean }): Promise<void>;
  /** Rebuilds the SKUs' summaries from their positions read exactly, whatever they held. */
  rebuild(skuRefs: readonly string[]): Promise<void>;
}
