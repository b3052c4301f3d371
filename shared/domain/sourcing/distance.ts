import type { GeoPoint } from './sourcing-model';

export const EARTH_RADIUS_KM = 6371;

const RADIANS = Math.PI / 180;

/** Great-circle distance by the haversine formula, on a sphere of radius 6371 km. */
export const distanceKm = (a: GeoPoint, b: GeoPoint): number => {
  const latA = a.lat * RADIANS;
  const latB = b.lat * RADIANS;
  const sinHalfLat = Math.sin((latB - latA) / 2);
  const sinHalfLon = Math.sin((b.lon * RADIANS - a.lon * RADIANS) / 2);
  const h = sinHalfLat * sinHalfLat + Math.cos(latA) * Math.cos(latB) * sinHalfLon * sinHalfLon;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
};
