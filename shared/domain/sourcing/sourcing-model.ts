export type LocationType = 'STORE' | 'WAREHOUSE';

export interface SourcingLocation {
  ref: string;
  type: LocationType;
  lat: number;
  lon: number;
  status: 'ACTIVE' | 'INACTIVE';
}

/**
 * What one location can give of one SKU. `available` is already net of reservations and safety
 * stock, never negative. There is one position per (skuRef, locationRef); duplicates add up.
 */
export interface AvailableStock {
  skuRef: string;
  locationRef: string;
  available: number;
}

export interface SourcingLine {
  skuRef: string;
  /** A positive integer; the caller validates it. */
  qty: number;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface SourcingRequest {
  /** HD: home delivery, sourced from any eligible location; CC: click and collect, only from the pickup location. */
  type: 'HD' | 'CC';
  /** Lines of the same skuRef are summed. */
  lines: SourcingLine[];
  /** HD: distances are measured from here; without it every distance is 0. */
  deliveryPoint?: GeoPoint;
  /** CC: the one location the order may be sourced from. */
  pickupLocationRef?: string;
  /** Overrides the profile's maxSplit. */
  maxSplit?: number;
}

export type RankingCriterion = 'SINGLE_LOCATION' | 'FEWEST_SPLITS' | 'SHORTEST_DISTANCE';

export const RANKING_CRITERIA: readonly RankingCriterion[] = ['SINGLE_LOCATION', 'FEWEST_SPLITS', 'SHORTEST_DISTANCE'];

export const LOCATION_TYPES: readonly LocationType[] = ['STORE', 'WAREHOUSE'];

/** A retailer's sourcing rules; data, stored per retailer. */
export interface SourcingProfile {
  /** The most locations one order may be split over. */
  maxSplit: number;
  /** Only ACTIVE locations of these types are considered. */
  locationTypes: LocationType[];
  /** Plans are ordered by these criteria, the first deciding first. */
  ranking: RankingCriterion[];
  /** How many plans to return at most; default 5. */
  maxPlans?: number;
}

export const DEFAULT_MAX_PLANS = 5;

export const DEFAULT_SOURCING_PROFILE: SourcingProfile = {
  maxSplit: 3,
  locationTypes: ['STORE', 'WAREHOUSE'],
  ranking: ['SINGLE_LOCATION', 'FEWEST_SPLITS', 'SHORTEST_DISTANCE'],
  maxPlans: DEFAULT_MAX_PLANS,
};

export interface PlannedFulfilment {
  locationRef: string;
  distanceKm: number;
  lines: SourcingLine[];
}

export interface FulfilmentPlan {
  /** Nearest location first. */
  fulfilments: PlannedFulfilment[];
  /** = fulfilments.length */
  splitCount: number;
  totalDistanceKm: number;
  /** Every line is covered in full. */
  complete: boolean;
}

export interface Shortfall {
  skuRef: string;
  requested: number;
  /** What the returned best plan covers of it. */
  available: number;
}

export interface SourcingResult {
  /** A complete plan exists within maxSplit. */
  available: boolean;
  /** Ranked complete plans; or, when none exists, the best partial plan (none if nothing is in stock). */
  plans: FulfilmentPlan[];
  /** Empty when available; else what the first plan lacks, per SKU. */
  shortfalls: Shortfall[];
}
