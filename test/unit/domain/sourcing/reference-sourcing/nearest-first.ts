/**
 * Candidates nearest first (equal distances by index), sorted lazily with a binary heap: the pair
 * search usually stops after the nearest few dozen. The heap is the calling planFulfilments's own,
 * with room for every candidate.
 */
export class NearestFirst {
  private size: number;
  private readonly sorted: number[] = [];

  constructor(
    private readonly distance: Float64Array,
    candidates: readonly number[],
    private readonly heap: Int32Array,
  ) {
    this.size = candidates.length;
    for (let i = 0; i < candidates.length; i++) this.heap[i] = candidates[i];
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** The k-th nearest (from 0), or -1 past the last. */
  at(k: number): number {
    const { heap, sorted } = this;
    while (sorted.length <= k && this.size > 0) {
      sorted.push(heap[0]);
      heap[0] = heap[--this.size];
      this.siftDown(0);
    }
    return k < sorted.length ? sorted[k] : -1;
  }

  private nearer(a: number, b: number): boolean {
    const { distance } = this;
    return distance[a] < distance[b] || (distance[a] === distance[b] && a < b);
  }

  private siftDown(from: number): void {
    const { heap, size } = this;
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) return;
      const child = left + 1 < size && this.nearer(heap[left + 1], heap[left]) ? left + 1 : left;
      if (!this.nearer(heap[child], heap[i])) return;
      const swap = heap[i];
      heap[i] = heap[child];
      heap[child] = swap;
      i = child;
    }
  }
}
