import { indexedDistancesFrom } from './distance';
import type { LocationIndex } from './location-index';
import type { GeoPoint } from './sourcing-model';

/**
 * Candidates' distances from the delivery point, measured on demand: at thousands of locations the
 * search needs only the nearest few, and the haversine formula is the dearest part of a call.
 * Without a delivery point (CC, or HD without one) every distance is 0. One per planFulfilments call.
 */
export class DeliveryDistances {
  private readonly measure?: (latB: number, lonB: number, cosLatB: number) => number;

  constructor(
    readonly index: LocationIndex,
    /** Per candidate; read only what `of` or `measureAll` measured. */
    readonly distance: Float64Array,
    private readonly measured: Uint8Array,
    readonly origin: GeoPoint | undefined,
  ) {
    this.measure = origin ? indexedDistancesFrom(origin) : undefined;
  }

  /** The distance of candidate `c`, measured the first time; Infinity for a location without valid coordinates. */
  of(c: number): number {
    if (this.measured[c] === 0 && this.measure) {
      const { latRad, lonRad, cosLat } = this.index;
      const km = this.measure(latRad[c], lonRad[c], cosLat[c]);
      this.distance[c] = km >= 0 ? km : Infinity;
      this.measured[c] = 1;
    }
    return this.distance[c];
  }

  /** Measures every candidate that holds any of the order, for the searches that look at them all. */
  measureAll(covered: Float64Array): void {
    if (!this.measure) return;
    for (let c = 0; c < covered.length; c++) if (covered[c] > 0) this.of(c);
  }
}
