import { DeliveryDistances } from './delivery-distances';
import { locationIndexOf, STORE_CODE, WAREHOUSE_CODE, type LocationIndex } from './location-index';
import type { SourcingLocation, SourcingProfile, SourcingRequest, AvailableStock } from './sourcing-model';
import { SourcingWorkspace } from './sourcing-workspace';

/**
 * What each candidate location can give of each line of one order, indexed by candidate and SKU.
 * Built afresh by every planFulfilments call and owned by it alone, so two calls never see each
 * other's stock; its arrays are in the call's workspace.
 */
export interface StockMatrix {
  /** Every location, indexed as given; only the eligible ones ever hold stock. */
  candidates: readonly SourcingLocation[];
  candidateCount: number;
  skus: string[];
  skuCount: number;
  /** Requested units per SKU. */
  requested: Float64Array;
  /** available[candidate * skuCount + sku] */
  available: Float64Array;
  /** Units a candidate covers on its own (each SKU capped at what is requested). */
  covered: Float64Array;
  /** Per candidate, for orders of at most MASKED_SKUS SKUs: bit `sku` set if it holds any of that SKU. */
  holds: Int32Array;
  /**
   * From the delivery point; Infinity for a location without valid coordinates. Measured on
   * demand (`distances`): read only a candidate the searches were handed, or after `measureAll`.
   */
  distance: Float64Array;
  distances: DeliveryDistances;
  totalRequested: number;
  /** How many candidates cover the whole order, and how many some of it but not all. */
  completeCount: number;
  partialCount: number;
  /** The call's scratch arrays, for the searches. */
  workspace: SourcingWorkspace;
}

/** Orders of up to this many SKUs get `holds` masks (and the pair search's pruning by them). */
export const MASKED_SKUS = 12;

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

/**
 * Whether a location is a candidate: an ACTIVE location of the profile's types; for CC only the
 * pickup location. Asked only of locations that hold some of the order.
 */
const eligibilityOf = (request: SourcingRequest, profile: SourcingProfile, index: LocationIndex): ((i: number) => boolean) => {
  const allowStore = profile.locationTypes.includes('STORE');
  const allowWarehouse = profile.locationTypes.includes('WAREHOUSE');
  const { active, typeCode, refs } = index;
  // Read once: a module's export read in a hot loop costs a call in CommonJS builds.
  const store = STORE_CODE;
  const warehouse = WAREHOUSE_CODE;
  const pickup = request.type === 'CC' ? (request.pickupLocationRef ?? null) : undefined;
  return (i) =>
    active[i] === 1 &&
    (typeCode[i] === store ? allowStore : typeCode[i] === warehouse && allowWarehouse) &&
    (pickup === undefined || refs[i] === pickup);
};

/**
 * The stock matrix of one order: positions indexed once by SKU and candidate, and the distances
 * (`distanceKm` from the HD delivery point, else 0) of the candidates, measured when first needed.
 * Candidates are indexed as the locations are; one that is not eligible never gets stock. A ref
 * listed twice: the last eligible one gets the stock.
 */
export const stockMatrixOf = (
  request: SourcingRequest,
  profile: SourcingProfile,
  locations: readonly SourcingLocation[],
  positions: readonly AvailableStock[],
): StockMatrix => {
  const { skuIndex, skus, quantities } = linesBySku(request);
  const index = locationIndexOf(locations);
  const eligible = eligibilityOf(request, profile, index);
  const { refs, byRef, previousSameRef, distinctRefs } = index;
  const skuCount = skus.length;
  const candidateCount = index.count;
  const workspace = new SourcingWorkspace(candidateCount, skuCount);
  const { requested, available, covered, distance, holds } = workspace;
  let totalRequested = 0;
  for (let sku = 0; sku < skuCount; sku++) {
    requested[sku] = quantities[sku];
    totalRequested += quantities[sku];
  }

  // Positions usually come grouped by SKU (one query per SKU), so the SKU is looked up once per run;
  // and in the locations' order, so the location after the last one found is tried before the map.
  let runSkuRef: string | undefined;
  let runSku = -1;
  let next = 0;
  // An empty position is still located, so the guess stays in step with the run.
  for (const position of positions) {
    if (position.skuRef !== runSkuRef) {
      runSkuRef = position.skuRef;
      runSku = skuIndex.get(runSkuRef) ?? -1;
    }
    if (runSku < 0) continue;
    const ref = position.locationRef;
    let c = distinctRefs && next < candidateCount && refs[next] === ref ? next : (byRef.get(ref) ?? -1);
    if (c < 0) continue;
    next = c + 1;
    if (!(position.available > 0)) continue;
    while (c >= 0 && !eligible(c)) c = previousSameRef[c];
    if (c >= 0) available[c * skuCount + runSku] += position.available;
  }

  let completeCount = 0;
  let partialCount = 0;
  const masked = skuCount <= MASKED_SKUS;
  for (let c = 0; c < candidateCount; c++) {
    let units = 0;
    let mask = 0;
    const row = c * skuCount;
    for (let sku = 0; sku < skuCount; sku++) {
      const held = available[row + sku];
      if (held > 0) {
        units += held < requested[sku] ? held : requested[sku];
        mask |= 1 << sku;
      }
    }
    covered[c] = units;
    if (masked) holds[c] = mask;
    if (units === totalRequested) completeCount++;
    else if (units > 0) partialCount++;
  }
  const origin = request.type === 'HD' ? request.deliveryPoint : undefined;
  const distances = new DeliveryDistances(index, distance, workspace.measured, origin);
  return { candidates: locations, candidateCount, skus, skuCount, requested, available, covered, holds, completeCount, partialCount, distance, distances, totalRequested, workspace };
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
