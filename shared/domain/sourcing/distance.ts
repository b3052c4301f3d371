import type { GeoPoint } from './sourcing-model';

export const EARTH_RADIUS_KM = 6371;

export const RADIANS = Math.PI / 180;

/**
 * Great-circle distances from one origin by the haversine formula, on a sphere of radius 6371 km.
 * The origin's share of the formula is computed once, since sourcing measures every candidate
 * location from one delivery point.
 */
export const distancesFrom = (origin: GeoPoint): ((point: GeoPoint) => number) => {
  const latA = origin.lat * RADIANS;
  const lonA = origin.lon * RADIANS;
  const cosLatA = Math.cos(latA);
  return (point) => {
    const latB = point.lat * RADIANS;
    const sinHalfLat = Math.sin((latB - latA) / 2);
    const sinHalfLon = Math.sin((point.lon * RADIANS - lonA) / 2);
    const h = sinHalfLat * sinHalfLat + cosLatA * Math.cos(latB) * sinHalfLon * sinHalfLon;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  };
};

/** Great-circle distance by the haversine formula, on a sphere of radius 6371 km. */
export const distanceKm = (a: GeoPoint, b: GeoPoint): number => distancesFrom(a)(b);

/**
 * The same distances as `distancesFrom`, to a point given in radians with its latitude's cosine
 * (as a `LocationIndex` keeps them), so a call computes no cosine per location. The same
 * arithmetic in the same order, so the two agree to the last bit.
 */
export const indexedDistancesFrom = (origin: GeoPoint): ((latB: number, lonB: number, cosLatB: number) => number) => {
  const latA = origin.lat * RADIANS;
  const lonA = origin.lon * RADIANS;
  const cosLatA = Math.cos(latA);
  return (latB, lonB, cosLatB) => {
    const sinHalfLat = Math.sin((latB - latA) / 2);
    const sinHalfLon = Math.sin((lonB - lonA) / 2);
    const h = sinHalfLat * sinHalfLat + cosLatA * cosLatB * sinHalfLon * sinHalfLon;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  };
};
