import type { StockFigureChange, StockSummaries } from '../../shared/ports/stock-summaries';

/** Summaries that record what they were asked to apply, and fail when told to. */
export class RecordingStockSummaries implements StockSummaries {
  readonly applied: StockFigureChange[] = [];
  readonly rebuilt: string[] = [];
  failure: Error | undefined;

  async apply(changes: readonly StockFigureChange[]): Promise<void> {
    if (this.failure) throw this.failure;
    this.applied.push(...changes);
  }

  async rebuild(skuRefs: readonly string[]): Promise<void> {
    if (this.failure) throw this.failure;
    this.rebuilt.push(...skuRefs);
  }
}
