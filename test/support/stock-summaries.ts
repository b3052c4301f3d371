import type { StockFigureChange, StockSummaries } from '../../shared/ports/stock-summaries';

/** Summaries that record what they were asked to apply, and fail when told to. */
export class RecordingStockSummaries implements StockSummaries {
  readonly applied: StockFigureChange[] = [];
  /** The `build` option of each apply call, in order. */
  readonly builds: boolean[] = [];
  readonly rebuilt: string[] = [];
  failure: Error | undefined;

  async apply(changes: readonly StockFigureChange[], options: { build: boolean } = { build: true }): Promise<void> {
    if (this.failure) throw this.failure;
    this.applied.push(...changes);
    this.builds.push(options.build);
  }

  async rebuild(skuRefs: readonly string[]): Promise<void> {
    if (this.failure) throw this.failure;
    this.rebuilt.push(...skuRefs);
  }
}
