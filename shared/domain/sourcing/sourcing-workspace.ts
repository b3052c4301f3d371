/**
 * The arrays one planFulfilments call works in, carved from two buffers: allocating a typed array
 * costs more than many a search, so a call allocates two buffers, not nine. The stock matrix has
 * its own: at thousands of locations one buffer for everything passes the size (128 KiB) past
 * which the allocator maps fresh pages for each call. The greedy search's gains, needed by few
 * orders, are allocated by that search. Created by each call (its stock matrix owns it) and handed
 * to the searches, so no two calls ever share one.
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
  /** Room for a heap of candidate indices. */
  readonly heap: Int32Array;
  /** Per candidate: which of the order's SKUs it holds, as bits. */
  readonly holds: Int32Array;
  /** Per candidate: 1 once its distance is measured. */
  readonly measured: Uint8Array;

  constructor(candidateCount: number, skuCount: number) {
    this.available = new Float64Array(candidateCount * skuCount);
    const doubles = 2 * skuCount + 2 * candidateCount;
    const buffer = new ArrayBuffer(doubles * Float64Array.BYTES_PER_ELEMENT + 2 * candidateCount * Int32Array.BYTES_PER_ELEMENT + candidateCount);
    let offset = 0;
    const doublesOf = (length: number): Float64Array => {
      const view = new Float64Array(buffer, offset, length);
      offset += length * Float64Array.BYTES_PER_ELEMENT;
      return view;
    };
    this.requested = doublesOf(skuCount);
    this.missing = doublesOf(skuCount);
    this.covered = doublesOf(candidateCount);
    this.distance = doublesOf(candidateCount);
    this.heap = new Int32Array(buffer, offset, candidateCount);
    this.holds = new Int32Array(buffer, offset + candidateCount * Int32Array.BYTES_PER_ELEMENT, candidateCount);
    this.measured = new Uint8Array(buffer, offset + 2 * candidateCount * Int32Array.BYTES_PER_ELEMENT, candidateCount);
  }
}
