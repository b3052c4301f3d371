/**
 * The arrays one planFulfilments call works in, carved from a single buffer: allocating a typed
 * array costs more than many a search, so a call allocates one buffer, not seven. Created by each
 * call (its stock matrix owns it) and handed to the searches, so no two calls ever share one.
 */
export class SourcingWorkspace {
  /** Per SKU: requested units. */
  readonly requested: Float64Array;
  /** Per SKU: what the plan being grown still lacks. */
  readonly missing: Float64Array;
  /** Per candidate and SKU: available[candidate * skuCount + sku]. */
  readonly available: Float64Array;
  /** Per candidate: units it covers on its own. */
  readonly covered: Float64Array;
  /** Per candidate: distance from the delivery point. */
  readonly distance: Float64Array;
  /** Per candidate: what it would add to the plan being grown. */
  readonly gains: Float64Array;
  /** Room for a heap of candidate indices. */
  readonly heap: Int32Array;

  constructor(candidateCount: number, skuCount: number) {
    const doubles = 2 * skuCount + candidateCount * skuCount + 3 * candidateCount;
    const buffer = new ArrayBuffer(doubles * Float64Array.BYTES_PER_ELEMENT + candidateCount * Int32Array.BYTES_PER_ELEMENT);
    let offset = 0;
    const doublesOf = (length: number): Float64Array => {
      const view = new Float64Array(buffer, offset, length);
      offset += length * Float64Array.BYTES_PER_ELEMENT;
      return view;
    };
    this.requested = doublesOf(skuCount);
    this.missing = doublesOf(skuCount);
    this.available = doublesOf(candidateCount * skuCount);
    this.covered = doublesOf(candidateCount);
    this.distance = doublesOf(candidateCount);
    this.gains = doublesOf(candidateCount);
    this.heap = new Int32Array(buffer, offset, candidateCount);
  }
}
