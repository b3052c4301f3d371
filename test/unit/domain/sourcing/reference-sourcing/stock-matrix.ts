import { distancesFrom } from './distance';
import type { SourcingLocation, SourcingProfile, SourcingRequest, AvailableStock } from '../../../../../shared/domain/sourcing/sourcing-model';
import { SourcingWorkspace } from './sourcing-workspace';

/**
 * What each candidate location can give of each line of one order, indexed by candidate and SKU.
 * Built afresh by every planFulfilments call and owned by it alone, so two calls never see each
 * other's stock; its arrays are in the call's workspace.
 */
export interface StockMatrix {
  candidates: SourcingLocation[];
  candidateCount: number;
  skus: string[];
  skuCount: number;
  /** Requested units per SKU. */
  requested: Float64Array;
  /** available[candidate * skuCount + sku] */
  available: Float64Array;
  /** Units a candidate covers on its own (each SKU capped at what is requested). */
  covered: Float64Array;
  /** From the delivery point; Infinity for a location without valid coordinates. */
  distance: Float64Array;
  totalRequested: number;
  /** The call's scratch arrays, for the searches. */
  workspace: SourcingWorkspace;
}

/** The order's SKUs in order of first appearance, lines of one SKU summed. */
const linesBySku = (request: SourcingRequest) => {
  const skuIndex = new Map<string, number>();
  const skus: string[] = [];
  const quantities: number[] = [];
  for (const line of request.lines) {
    const sku = skuIndex.get(line.skuRef);
    if (sku === undefined) {
      skuIndex.set(line.skuRef, skus.length);
      skus.push(line.skuRef);
      quantities.push(line.qty);
    } else {
      quantities[sku] += line.qty;
    }
  }
  return { skuIndex, skus, quantities };
};

/** ACTIVE locations of the profile's types; for CC only the pickup location. A ref listed twice: the last one gets the stock. */
const candidatesOf = (request: SourcingRequest, profile: SourcingProfile, locations: readonly SourcingLocation[]) => {
  const allowStore = profile.locationTypes.includes('STORE');
  const allowWarehouse = profile.locationTypes.includes('WAREHOUSE');
  const candidates: SourcingLocation[] = [];
  const candidateIndex = new Map<string, number>();
  for (const location of locations) {
    if (request.type === 'CC' && location.ref !== request.pickupLocationRef) continue;
    if (location.status !== 'ACTIVE' || !(location.type === 'STORE' ? allowStore : location.type === 'WAREHOUSE' && allowWarehouse)) continue;
    candidateIndex.set(location.ref, candidates.length);
    candidates.push(location);
  }
  return { candidates, candidateIndex };
};

/**
 * The stock matrix of one order: positions indexed once by SKU and candidate, and the distance
 * (`distanceKm` from the HD delivery point, else 0) of every candidate that holds any of the order.
 */
export const stockMatrixOf = (
  request: SourcingRequest,
  profile: SourcingProfile,
  locations: readonly SourcingLocation[],
  positions: readonly AvailableStock[],
): StockMatrix => {
  const { skuIndex, skus, quantities } = linesBySku(request);
  const { candidates, candidateIndex } = candidatesOf(request, profile, locations);
  const skuCount = skus.length;
  const candidateCount = candidates.length;
  const workspace = new SourcingWorkspace(candidateCount, skuCount);
  const { requested, available, covered, distance } = workspace;
  let totalRequested = 0;
  for (let sku = 0; sku < skuCount; sku++) {
    requested[sku] = quantities[sku];
    totalRequested += quantities[sku];
  }

  // Positions usually come grouped by SKU (one query per SKU), so the SKU is looked up once per run.
  let runSkuRef: string | undefined;
  let runSku = -1;
  for (const position of positions) {
    if (!(position.available > 0)) continue;
    if (position.skuRef !== runSkuRef) {
      runSkuRef = position.skuRef;
      runSku = skuIndex.get(runSkuRef) ?? -1;
    }
    if (runSku < 0) continue;
    const c = candidateIndex.get(position.locationRef);
    if (c !== undefined) available[c * skuCount + runSku] += position.available;
  }

  const distanceFromDelivery = request.type === 'HD' && request.deliveryPoint ? distancesFrom(request.deliveryPoint) : undefined;
  for (let c = 0; c < candidateCount; c++) {
    let units = 0;
    const row = c * skuCount;
    for (let sku = 0; sku < skuCount; sku++) units += available[row + sku] < requested[sku] ? available[row + sku] : requested[sku];
    covered[c] = units;
    if (!distanceFromDelivery || units === 0) continue;
    const km = distanceFromDelivery(candidates[c]);
    distance[c] = km >= 0 ? km : Infinity;
  }
  return { candidates, candidateCount, skus, skuCount, requested, available, covered, distance, totalRequested, workspace };
};

/** Indices of the candidates that hold some but not all of the order, in index order. */
export const partialCandidates = (stock: StockMatrix): number[] => {
  const { covered, totalRequested, candidateCount } = stock;
  const partial: number[] = [];
  for (let c = 0; c < candidateCount; c++) if (covered[c] > 0 && covered[c] < totalRequested) partial.push(c);
  return partial;
};

/** Units the members cover together, each SKU capped at what is requested; `skip` counts as absent. */
export const unitsCovered = (stock: StockMatrix, members: readonly number[], skip = -1): number => {
  const { requested, available, skuCount } = stock;
  let units = 0;
  for (let sku = 0; sku < skuCount; sku++) {
    let sum = 0;
    for (const member of members) if (member !== skip) sum += available[member * skuCount + sku];
    units += sum < requested[sku] ? sum : requested[sku];
  }
  return units;
};

/** Summed in candidate order, so one set always gets the same distance however it was found. */
export const distanceOf = (stock: StockMatrix, members: readonly number[]): number => {
  let total = 0;
  for (const member of members) total += stock.distance[member];
  return total;
};

/** Drops, farthest first, the members that add nothing to the units the others cover; ascending. */
export const withoutRedundant = (stock: StockMatrix, members: readonly number[]): number[] => {
  const units = unitsCovered(stock, members);
  const farthestFirst = [...members].sort((a, b) => stock.distance[b] - stock.distance[a] || b - a);
  let kept = [...members];
  for (const member of farthestFirst) {
    if (kept.length > 1 && unitsCovered(stock, kept, member) === units) kept = kept.filter((m) => m !== member);
  }
  return kept.sort((a, b) => a - b);
};
