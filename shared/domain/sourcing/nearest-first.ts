import type { DeliveryDistances } from './delivery-distances';
import { EARTH_RADIUS_KM } from './distance';

/** Read once: a module's export read in a hot loop costs a call in CommonJS builds. */
const RADIUS_KM = EARTH_RADIUS_KM;

/** Slack on the latitude bound, far above the haversine formula's rounding, so no nearer location is ever passed over. */
const BOUND_SLACK = 1e-9;

/**
 * The candidates `accepts` admits, nearest first (equal distances by index), found lazily: the
 * searches usually stop after the nearest few dozen. Locations are swept outwards from the delivery
 * point's latitude (the index keeps them sorted by it); each admitted one is measured and put on a
 * binary heap, whose top is handed out once no location yet unswept could be nearer, since a
 * location is at least the radius times the latitudes' difference away. Without a delivery point
 * every distance is 0, so the order is the index order. The heap is the calling planFulfilments's
 * own, with room for every candidate.
 */
export class NearestFirst {
  private size = 0;
  private readonly sorted: number[] = [];
  private readonly distance: Float64Array;
  /** Without a delivery point: the next index to look at. */
  private scan = 0;
  /** The next positions in the latitude order southwards and northwards. */
  private south: number;
  private north: number;
  private readonly originLat: number;
  /** How many candidates were admitted so far; once all `admissible` are, nothing is left to sweep. */
  private admitted = 0;

  constructor(
    private readonly distances: DeliveryDistances,
    private readonly accepts: (c: number) => boolean,
    /** How many candidates `accepts` admits in all. */
    private readonly admissible: number,
    private readonly heap: Int32Array,
  ) {
    this.distance = distances.distance;
    const { sortedLatRad, unbounded } = distances.index;
    const originLat = distances.origin ? (distances.origin.lat * Math.PI) / 180 : Number.NaN;
    this.originLat = originLat;
    if (!(Math.abs(originLat) <= Math.PI / 2)) {
      // An origin without a real latitude bounds nothing: every location is measured at once.
      this.north = sortedLatRad.length;
      this.south = -1;
      for (let k = 0; k < distances.index.count; k++) this.admit(k);
      return;
    }
    let north = 0;
    while (north < sortedLatRad.length && sortedLatRad[north] < originLat) north++;
    this.north = north;
    this.south = north - 1;
    for (const c of unbounded) this.admit(c);
  }

  /** The k-th nearest (from 0), or -1 past the last. */
  at(k: number): number {
    const { sorted } = this;
    if (!this.distances.origin) {
      const count = this.distances.index.count;
      while (sorted.length <= k && this.scan < count && sorted.length < this.admissible) {
        if (this.accepts(this.scan)) sorted.push(this.scan);
        this.scan++;
      }
      return k < sorted.length ? sorted[k] : -1;
    }
    const { heap, distance } = this;
    const { bySouthToNorth, sortedLatRad } = this.distances.index;
    while (sorted.length <= k) {
      const southGap = this.south >= 0 ? this.originLat - sortedLatRad[this.south] : Infinity;
      const northGap = this.north < sortedLatRad.length ? sortedLatRad[this.north] - this.originLat : Infinity;
      const gap = this.admitted === this.admissible ? Infinity : southGap < northGap ? southGap : northGap;
      const bound = gap === Infinity ? Infinity : gap * RADIUS_KM * (1 - BOUND_SLACK) - BOUND_SLACK;
      if (this.size > 0 && (distance[heap[0]] < bound || gap === Infinity)) {
        sorted.push(heap[0]);
        heap[0] = heap[--this.size];
        this.siftDown(0);
      } else if (gap === Infinity) {
        break;
      } else if (southGap < northGap) {
        this.admit(bySouthToNorth[this.south--]);
      } else {
        this.admit(bySouthToNorth[this.north++]);
      }
    }
    return k < sorted.length ? sorted[k] : -1;
  }

  /** Measures the candidate and puts it on the heap, if admitted. */
  private admit(c: number): void {
    if (!this.accepts(c)) return;
    this.admitted++;
    this.distances.of(c);
    const { heap } = this;
    let i = this.size++;
    heap[i] = c;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.nearer(heap[i], heap[parent])) return;
      heap[i] = heap[parent];
      heap[parent] = c;
      i = parent;
    }
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
