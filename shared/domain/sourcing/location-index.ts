import { RADIANS } from './distance';
import type { SourcingLocation } from './sourcing-model';

/**
 * What sourcing needs of a network's locations, computed once per list rather than per order: the
 * list a container caches is the same array for every order in its few seconds of life, and
 * hashing thousands of refs on every call costs more than the search. Read-only once built.
 */
export interface LocationIndex {
  /** The fields sourcing reads, as they were when indexed, by index. */
  refs: readonly string[];
  statuses: readonly string[];
  types: readonly string[];
  lats: Float64Array;
  lons: Float64Array;
  count: number;
  /** ref -> the last index holding it. */
  byRef: ReadonlyMap<string, number>;
  /** Per index: the previous index with the same ref, or -1 (the only value when refs are distinct). */
  previousSameRef: Int32Array;
  distinctRefs: boolean;
  /** Per index: 1 if ACTIVE. */
  active: Uint8Array;
  /** Per index: 1 for a STORE, 2 for a WAREHOUSE, 0 for anything else. */
  typeCode: Uint8Array;
  /** Per index: latitude and longitude in radians, and the latitude's cosine, for the haversine formula. */
  latRad: Float64Array;
  lonRad: Float64Array;
  cosLat: Float64Array;
  /**
   * The indices whose latitude is a real one (within ±90°), south to north, and those latitudes:
   * a location's distance is at least the radius times its latitude's difference from the delivery
   * point's, which lets the search measure the nearest locations first and stop early.
   */
  bySouthToNorth: Int32Array;
  sortedLatRad: Float64Array;
  /** The indices without a real latitude, which no latitude bounds: always measured. */
  unbounded: Int32Array;
}

export const STORE_CODE = 1;
export const WAREHOUSE_CODE = 2;

/** Equal, or both NaN (a location without valid coordinates stays indexed). */
const sameNumber = (a: number, b: number): boolean => a === b || (a !== a && b !== b);

const built = new WeakMap<readonly SourcingLocation[], LocationIndex>();

const indexOf = (locations: readonly SourcingLocation[]): LocationIndex => {
  const count = locations.length;
  const refs: string[] = [];
  const statuses: string[] = [];
  const types: string[] = [];
  const lats = new Float64Array(count);
  const lons = new Float64Array(count);
  const byRef = new Map<string, number>();
  const previousSameRef = new Int32Array(count).fill(-1);
  const active = new Uint8Array(count);
  const typeCode = new Uint8Array(count);
  const latRad = new Float64Array(count);
  const lonRad = new Float64Array(count);
  const cosLat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const location = locations[i];
    refs.push(location.ref);
    statuses.push(location.status);
    types.push(location.type);
    lats[i] = location.lat;
    lons[i] = location.lon;
    previousSameRef[i] = byRef.get(location.ref) ?? -1;
    byRef.set(location.ref, i);
    active[i] = location.status === 'ACTIVE' ? 1 : 0;
    typeCode[i] = location.type === 'STORE' ? STORE_CODE : location.type === 'WAREHOUSE' ? WAREHOUSE_CODE : 0;
    latRad[i] = location.lat * RADIANS;
    lonRad[i] = location.lon * RADIANS;
    cosLat[i] = Math.cos(latRad[i]);
  }
  const bounded: number[] = [];
  const unbounded: number[] = [];
  for (let i = 0; i < count; i++) (Math.abs(latRad[i]) <= Math.PI / 2 ? bounded : unbounded).push(i);
  bounded.sort((a, b) => latRad[a] - latRad[b] || a - b);
  const bySouthToNorth = Int32Array.from(bounded);
  const sortedLatRad = Float64Array.from(bounded, (i) => latRad[i]);
  return { bySouthToNorth, sortedLatRad, unbounded: Int32Array.from(unbounded), refs, statuses, types, lats, lons, count, byRef, previousSameRef, distinctRefs: byRef.size === count, active, typeCode, latRad, lonRad, cosLat };
};

/**
 * Whether the list still holds what was indexed, field by field. A caller
 * that edits its list, or a location in it, between two calls gets a fresh index, never a stale one.
 */
const stillIndexes = (index: LocationIndex, locations: readonly SourcingLocation[]): boolean => {
  if (locations.length !== index.count) return false;
  const { refs, statuses, types, lats, lons } = index;
  for (let i = 0; i < locations.length; i++) {
    const { ref, status, type, lat, lon } = locations[i];
    if (ref !== refs[i] || status !== statuses[i] || type !== types[i] || !sameNumber(lat, lats[i]) || !sameNumber(lon, lons[i])) return false;
  }
  return true;
};

/** The index of this list of locations, built on first use and rebuilt whenever the list changed. */
export const locationIndexOf = (locations: readonly SourcingLocation[]): LocationIndex => {
  const cached = built.get(locations);
  if (cached && stillIndexes(cached, locations)) return cached;
  const index = indexOf(locations);
  built.set(locations, index);
  return index;
};
