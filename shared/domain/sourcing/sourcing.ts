export * from './sourcing-model';
export { distanceKm, EARTH_RADIUS_KM } from './distance';
export { planFulfilments } from './plan-fulfilments';
export { sourcingProfileSchema } from './profile-schema';
