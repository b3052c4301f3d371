import {
  DEFAULT_SOURCING_PROFILE,
  type FulfilmentPlan,
  type LocationType,
  type SourcingLocation,
  type SourcingProfile,
  type SourcingRequest,
  type AvailableStock,
} from '../../../../shared/domain/sourcing/sourcing';

/** Orders are delivered at (0, 0); a location `degreesEast` along the equator is 111.19 km per degree away. */
export const HOME = { lat: 0, lon: 0 };
export const KM_PER_DEGREE = (6371 * Math.PI) / 180;

export const location = (
  ref: string,
  degreesEast: number,
  overrides: { type?: LocationType; status?: SourcingLocation['status'] } = {},
): SourcingLocation => ({ ref, type: 'STORE', lat: 0, lon: degreesEast, status: 'ACTIVE', ...overrides });

/** One position per SKU, e.g. `stock('A', { TEE: 2, SOCKS: 0 })`. */
export const stock = (locationRef: string, available: Record<string, number>): AvailableStock[] =>
  Object.entries(available).map(([skuRef, qty]) => ({ skuRef, locationRef, available: qty }));

/** An HD order delivered at HOME, e.g. `homeDelivery({ TEE: 1 })`. */
export const homeDelivery = (lines: Record<string, number>, overrides: Partial<SourcingRequest> = {}): SourcingRequest => ({
  type: 'HD',
  lines: Object.entries(lines).map(([skuRef, qty]) => ({ skuRef, qty })),
  deliveryPoint: HOME,
  ...overrides,
});

export const profile = (overrides: Partial<SourcingProfile> = {}): SourcingProfile => ({ ...DEFAULT_SOURCING_PROFILE, ...overrides });

/** A plan as location refs, nearest first, e.g. `['A', 'B']`. */
export const refsOf = (plan: FulfilmentPlan | undefined): string[] => plan?.fulfilments.map((f) => f.locationRef) ?? [];

/** What each location ships, e.g. `{ A: { TEE: 2 }, B: { SOCKS: 1 } }`. */
export const shipments = (plan: FulfilmentPlan | undefined): Record<string, Record<string, number>> =>
  Object.fromEntries(
    (plan?.fulfilments ?? []).map((f) => [f.locationRef, Object.fromEntries(f.lines.map((line) => [line.skuRef, line.qty]))]),
  );
