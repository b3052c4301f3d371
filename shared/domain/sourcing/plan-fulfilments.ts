import { EARTH_RADIUS_KM } from './distance';
import {
  DEFAULT_MAX_PLANS,
  RANKING_CRITERIA,
  type FulfilmentPlan,
  type PlannedFulfilment,
  type RankingCriterion,
  type Shortfall,
  type SourcingLocation,
  type SourcingProfile,
  type SourcingRequest,
  type SourcingResult,
  type StockPosition,
} from './sourcing-model';

/**
 * Sourcing: which locations fulfil an order, ranked by the retailer's profile. Pure and synchronous;
 * the caller loads the locations and the stock positions.
 *
 * The search runs over the candidates (ACTIVE locations of the profile's types; for CC only the
 * pickup location) and keeps the best maxPlans plans in ranking order. Every stage is cut off as
 * soon as nothing it could still find would outrank the plans kept: with the default ranking, once
 * maxPlans single locations are kept no pair is looked at, and once maxPlans plans of one or two
 * locations are kept no larger plan is.
 * 1. Singles: every candidate that covers all lines. Exact.
 * 2. Pairs (maxSplit >= 2): every pair of the "partial" candidates (some of the order, not all),
 *    nearest first. A cheap necessary test (the units each covers alone add up to the order) runs
 *    before the exact per-SKU test. Exact.
 * 3. Three or more (maxSplit >= 3), and the best partial plan when nothing is complete: a
 *    heuristic, seeded in turn from each of the NEAREST_SEEDS nearest and the LARGEST_SEEDS
 *    best-stocked partial candidates. From a seed: offer the nearest single candidate that
 *    completes it and every pair that does (searched like stage 2); if none does, add the
 *    candidate that covers the most of what is still missing (greedy set cover over units, the
 *    nearest among equals) and try again, up to maxSplit. So a 3-location plan is found whenever
 *    one of its locations is a seed, which makes stage 3 exact for 3 locations when there are at
 *    most NEAREST_SEEDS + LARGEST_SEEDS partial candidates. The nearest seeds find short plans; the
 *    best-stocked ones find plans with few locations (greedy from the nearest alone piles up small
 *    stores). A partial plan is the seed's greedy set with the most units, then the shortest.
 *
 * Every plan is minimal (members that add no units are dropped, farthest first), which is also
 * why every member receives at least one line. Within a plan a line stays whole at
 * its nearest member that has all of it; otherwise it is split over the members with the most
 * stock first.
 */

/** Seeds of the greedy search for plans of 3+ locations and for the best partial plan. */
const NEAREST_SEEDS = 6;
const LARGEST_SEEDS = 4;

/** A chosen set of candidates, before its lines are allocated. */
interface Choice {
  /** Candidate indices, ascending. */
  members: number[];
  distance: number;
}

/**
 * Scratch arrays, reused from call to call (allocating typed arrays costs more than the search):
 * planFulfilments is synchronous and returns plain objects, so no two calls ever share them.
 */
class Workspace {
  requested = new Float64Array(8);
  missing = new Float64Array(8);
  /** Per candidate: what it would add to the plan being grown. */
  gains = new Float64Array(256);
  available = new Float64Array(1024);
  covered = new Float64Array(256);
  distance = new Float64Array(256);
  heap = new Int32Array(256);

  /** Room for this many candidates and SKUs; `available` comes back zeroed. */
  reserve(candidateCount: number, skuCount: number): this {
    if (this.requested.length < skuCount) {
      this.requested = new Float64Array(skuCount * 2);
      this.missing = new Float64Array(skuCount * 2);
    }
    if (this.covered.length < candidateCount) {
      this.covered = new Float64Array(candidateCount * 2);
      this.distance = new Float64Array(candidateCount * 2);
      this.heap = new Int32Array(candidateCount * 2);
      this.gains = new Float64Array(candidateCount * 2);
    }
    if (this.available.length < candidateCount * skuCount) this.available = new Float64Array(candidateCount * skuCount * 2);
    else this.available.fill(0, 0, candidateCount * skuCount);
    return this;
  }
}

const workspace = new Workspace();

/** The per-call working set: arrays indexed by candidate and SKU, in the workspace. */
interface Stock {
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
  distance: Float64Array;
  totalRequested: number;
}

/** The profile's criteria, then any it leaves out, in the default order. */
const rankingOf = (ranking: readonly RankingCriterion[]): readonly RankingCriterion[] => {
  if (ranking.length === RANKING_CRITERIA.length && RANKING_CRITERIA.every((criterion) => ranking.includes(criterion))) return ranking;
  const effective: RankingCriterion[] = [];
  for (const criterion of [...ranking, ...RANKING_CRITERIA]) if (!effective.includes(criterion)) effective.push(criterion);
  return effective;
};

/** The best plans so far, best first, at most `limit`, with distinct location sets. */
class TopChoices {
  readonly choices: Choice[] = [];

  constructor(
    private readonly ranking: readonly RankingCriterion[],
    private readonly limit: number,
  ) {}

  private compare(splitA: number, distanceA: number, splitB: number, distanceB: number): number {
    for (const criterion of this.ranking) {
      const difference =
        criterion === 'SINGLE_LOCATION'
          ? (splitA === 1 ? 0 : 1) - (splitB === 1 ? 0 : 1)
          : criterion === 'FEWEST_SPLITS'
            ? splitA - splitB
            : distanceA - distanceB;
      if (difference !== 0) return difference;
    }
    return 0;
  }

  /** A plan of `splitCount` locations gets in only with a distance below this (any, if Infinity). */
  threshold(splitCount: number): number {
    if (this.choices.length < this.limit) return Infinity;
    const worst = this.choices[this.choices.length - 1];
    for (const criterion of this.ranking) {
      if (criterion === 'SHORTEST_DISTANCE') return worst.distance;
      const mine = criterion === 'SINGLE_LOCATION' ? (splitCount === 1 ? 0 : 1) : splitCount;
      const theirs = criterion === 'SINGLE_LOCATION' ? (worst.members.length === 1 ? 0 : 1) : worst.members.length;
      if (mine !== theirs) return mine < theirs ? Infinity : -Infinity;
    }
    return worst.distance;
  }

  /** Keeps the plan if it ranks among the best; equals keep the order they were found in. */
  offer(members: number[], distance: number): void {
    if (!enters(distance, this.threshold(members.length))) return;
    for (const kept of this.choices) if (sameMembers(kept.members, members)) return;
    let at = this.choices.length;
    while (at > 0 && this.compare(members.length, distance, this.choices[at - 1].members.length, this.choices[at - 1].distance) < 0) at--;
    this.choices.splice(at, 0, { members, distance });
    if (this.choices.length > this.limit) this.choices.pop();
  }
}

/** Locations without valid coordinates are infinitely far: last, but still usable. */
const enters = (distance: number, threshold: number): boolean => distance < threshold || threshold === Infinity;

const sameMembers = (a: readonly number[], b: readonly number[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

const ascending = (a: number, b: number) => a - b;

/** Summed in candidate order, so one set always gets the same distance however it was found. */
const distanceOf = (stock: Stock, members: readonly number[]): number => {
  let total = 0;
  for (const member of members) total += stock.distance[member];
  return total;
};

const pairCompletes = (stock: Stock, a: number, b: number): boolean => {
  const { requested, available, skuCount } = stock;
  const rowA = a * skuCount;
  const rowB = b * skuCount;
  for (let sku = 0; sku < skuCount; sku++) {
    if (available[rowA + sku] + available[rowB + sku] < requested[sku]) return false;
  }
  return true;
};

/** Units the members cover together, each SKU capped at what is requested. */
const unitsCovered = (stock: Stock, members: readonly number[], skip = -1): number => {
  const { requested, available, skuCount } = stock;
  let units = 0;
  for (let sku = 0; sku < skuCount; sku++) {
    let sum = 0;
    for (const member of members) if (member !== skip) sum += available[member * skuCount + sku];
    units += sum < requested[sku] ? sum : requested[sku];
  }
  return units;
};

/** Indices of the candidates that hold some but not all of the order, in index order. */
const partialCandidates = (stock: Stock): number[] => {
  const { covered, totalRequested, candidateCount } = stock;
  const partial: number[] = [];
  for (let c = 0; c < candidateCount; c++) if (covered[c] > 0 && covered[c] < totalRequested) partial.push(c);
  return partial;
};

/**
 * The partial candidates nearest first (equal distances by index), sorted lazily with a binary
 * heap: the pair search usually stops after the nearest few dozen.
 */
class NearestFirst {
  private readonly heap = workspace.heap;
  private size: number;
  private readonly sorted: number[] = [];

  constructor(
    private readonly distance: Float64Array,
    partial: readonly number[],
  ) {
    this.size = partial.length;
    for (let i = 0; i < partial.length; i++) this.heap[i] = partial[i];
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** The k-th nearest (from 0), or -1 past the last. */
  at(k: number): number {
    const { heap, sorted } = this;
    while (sorted.length <= k && this.size > 0) {
      sorted.push(heap[0]);
      heap[0] = heap[--this.size];
      this.siftDown(0);
    }
    return k < sorted.length ? sorted[k] : -1;
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

const searchPairs = (stock: Stock, nearest: NearestFirst, top: TopChoices): void => {
  const { covered, distance, totalRequested } = stock;
  let threshold = top.threshold(2);
  for (let x = 0; nearest.at(x + 1) >= 0; x++) {
    const a = nearest.at(x);
    const distanceA = distance[a];
    if (!enters(distanceA + distance[nearest.at(x + 1)], threshold)) return;
    const missing = totalRequested - covered[a];
    for (let y = x + 1, b = nearest.at(y); b >= 0; b = nearest.at(++y)) {
      const pairDistance = distanceA + distance[b];
      if (!enters(pairDistance, threshold)) break;
      if (covered[b] < missing || !pairCompletes(stock, a, b)) continue;
      top.offer(a < b ? [a, b] : [b, a], pairDistance);
      threshold = top.threshold(2);
    }
  }
};

/** Seeds of the greedy search: the nearest candidates, then the best-stocked (nearest among equals). */
const seedsOf = (stock: Stock, partial: readonly number[], nearest: NearestFirst): number[] => {
  const { covered, distance } = stock;
  const seeds: number[] = [];
  for (let k = 0; k < NEAREST_SEEDS && nearest.at(k) >= 0; k++) seeds.push(nearest.at(k));
  for (let round = 0; round < LARGEST_SEEDS; round++) {
    let best = -1;
    for (const c of partial) {
      if (seeds.includes(c)) continue;
      if (best < 0 || covered[c] > covered[best] || (covered[c] === covered[best] && distance[c] < distance[best])) best = c;
    }
    if (best < 0) break;
    seeds.push(best);
  }
  return seeds;
};

/** Drops, farthest first, the members that add nothing to the units the others cover; ascending. */
const withoutRedundant = (stock: Stock, members: readonly number[]): number[] => {
  const units = unitsCovered(stock, members);
  const farthestFirst = [...members].sort((a, b) => stock.distance[b] - stock.distance[a] || b - a);
  let kept = [...members];
  for (const member of farthestFirst) {
    if (kept.length > 1 && unitsCovered(stock, kept, member) === units) kept = kept.filter((m) => m !== member);
  }
  return kept.sort(ascending);
};

/**
 * The nearest pairs of partial candidates, other than the members, that complete the members (3+
 * location plans); each is offered, cut off like `searchPairs`. Whether any completes them.
 */
const completeWithPair = (stock: Stock, members: readonly number[], nearest: NearestFirst, stillMissing: number, top: TopChoices): boolean => {
  const { available, distance, skuCount } = stock;
  const { gains, missing } = workspace;
  const splitCount = members.length + 2;
  const membersDistance = distanceOf(stock, members);
  let threshold = top.threshold(splitCount);
  let found = false;
  for (let x = 0, a = nearest.at(0); a >= 0; a = nearest.at(++x)) {
    // A candidate that adds nothing, or completes the members alone, makes no minimal triple.
    if (gains[a] === 0 || gains[a] >= stillMissing || members.includes(a)) continue;
    const next = nearest.at(x + 1);
    if (next < 0 || !enters(membersDistance + distance[a] + distance[next], threshold)) break;
    for (let y = x + 1, b = next; b >= 0; b = nearest.at(++y)) {
      if (!enters(membersDistance + distance[a] + distance[b], threshold)) break;
      if (gains[a] + gains[b] < stillMissing || gains[b] >= stillMissing || members.includes(b)) continue;
      let completes = true;
      for (let sku = 0; sku < skuCount && completes; sku++) completes = available[a * skuCount + sku] + available[b * skuCount + sku] >= missing[sku];
      if (!completes) continue;
      found = true;
      const chosen = withoutRedundant(stock, [...members, a, b]);
      top.offer(chosen, distanceOf(stock, chosen));
      threshold = top.threshold(splitCount);
    }
  }
  return found;
};

/** The distance of the two nearest partial candidates other than `seed` (Infinity if there are not two). */
const twoNearestBesides = (stock: Stock, nearest: NearestFirst, seed: number): number => {
  let sum = 0;
  let found = 0;
  for (let k = 0, c = nearest.at(0); c >= 0 && found < 2; c = nearest.at(++k)) {
    if (c === seed) continue;
    sum += stock.distance[c];
    found++;
  }
  return found === 2 ? sum : Infinity;
};

/**
 * From each seed (see the header): complete with the nearest single candidate that does and with
 * the nearest pairs that do; if none does, add the candidate covering the most of what is missing
 * and try again, up to maxSplit. Offers complete plans to `top` and returns the best incomplete one:
 * most units covered, then shortest.
 */
const searchGreedy = (
  stock: Stock,
  partial: readonly number[],
  nearest: NearestFirst,
  maxSplit: number,
  top: TopChoices,
): Choice | undefined => {
  const { requested, available, distance, skuCount } = stock;
  const { gains, missing } = workspace;
  let bestPartial: Choice | undefined;
  let bestPartialUnits = 0;
  for (const seed of seedsOf(stock, partial, nearest)) {
    // Once plans are kept, a seed whose shortest 3-location plan could not get in is skipped.
    if (top.choices.length > 0 && !enters(distance[seed] + twoNearestBesides(stock, nearest, seed), top.threshold(3))) continue;
    const members = [seed];
    let stillMissing = 0;
    for (let sku = 0; sku < skuCount; sku++) {
      const left = requested[sku] - available[seed * skuCount + sku];
      missing[sku] = left > 0 ? left : 0;
      stillMissing += missing[sku];
    }
    let completed = false;
    while (members.length < maxSplit) {
      let best = -1;
      let completer = -1;
      for (const c of partial) {
        let gain = 0;
        if (!members.includes(c)) {
          const row = c * skuCount;
          for (let sku = 0; sku < skuCount; sku++) gain += available[row + sku] < missing[sku] ? available[row + sku] : missing[sku];
        }
        gains[c] = gain;
        if (gain > 0 && (best < 0 || gain > gains[best] || (gain === gains[best] && distance[c] < distance[best]))) best = c;
        if (gain === stillMissing && (completer < 0 || distance[c] < distance[completer])) completer = c;
      }
      if (completer >= 0) {
        const chosen = withoutRedundant(stock, [...members, completer]);
        top.offer(chosen, distanceOf(stock, chosen));
        completed = true;
      }
      if (members.length + 2 <= maxSplit && completeWithPair(stock, members, nearest, stillMissing, top)) completed = true;
      if (completed || best < 0) break;
      members.push(best);
      stillMissing -= gains[best];
      for (let sku = 0; sku < skuCount; sku++) {
        const left = missing[sku] - available[best * skuCount + sku];
        missing[sku] = left > 0 ? left : 0;
      }
    }
    if (completed) continue;
    const units = stock.totalRequested - stillMissing;
    const chosen = withoutRedundant(stock, members);
    const chosenDistance = distanceOf(stock, chosen);
    if (units > bestPartialUnits || (units === bestPartialUnits && bestPartial && chosenDistance < bestPartial.distance)) {
      bestPartial = { members: chosen, distance: chosenDistance };
      bestPartialUnits = units;
    }
  }
  return bestPartial;
};

/** The single candidate covering the most units, then the nearest. */
const bestSingle = (stock: Stock): Choice | undefined => {
  let best = -1;
  for (let c = 0; c < stock.candidateCount; c++) {
    if (stock.covered[c] === 0) continue;
    if (best < 0 || stock.covered[c] > stock.covered[best] || (stock.covered[c] === stock.covered[best] && stock.distance[c] < stock.distance[best])) best = c;
  }
  return best < 0 ? undefined : { members: [best], distance: stock.distance[best] };
};

const isBetterPartial = (stock: Stock, candidate: Choice, incumbent: Choice): boolean => {
  const units = unitsCovered(stock, candidate.members);
  const incumbentUnits = unitsCovered(stock, incumbent.members);
  return units > incumbentUnits || (units === incumbentUnits && candidate.distance < incumbent.distance);
};

/** Lines to locations: whole at the nearest member that has it all, else split, most stock first. */
const toPlan = (stock: Stock, choice: Choice): FulfilmentPlan => {
  const { candidates, skus, requested, available, distance, skuCount } = stock;
  const members = [...choice.members].sort((a, b) => distance[a] - distance[b] || a - b);
  const fulfilments: PlannedFulfilment[] = members.map((c) => ({ locationRef: candidates[c].ref, distanceKm: distance[c], lines: [] }));
  let complete = true;
  for (let sku = 0; sku < skuCount; sku++) {
    const wanted = requested[sku];
    const whole = members.findIndex((c) => available[c * skuCount + sku] >= wanted);
    if (whole >= 0) {
      fulfilments[whole].lines.push({ skuRef: skus[sku], qty: wanted });
      continue;
    }
    const byStock = members.map((_, i) => i).sort((i, j) => available[members[j] * skuCount + sku] - available[members[i] * skuCount + sku] || i - j);
    let left = wanted;
    for (const i of byStock) {
      const take = Math.min(left, available[members[i] * skuCount + sku]);
      if (take <= 0) break;
      fulfilments[i].lines.push({ skuRef: skus[sku], qty: take });
      left -= take;
    }
    if (left > 0) complete = false;
  }
  const used = fulfilments.filter((f) => f.lines.length > 0);
  return { fulfilments: used, splitCount: used.length, totalDistanceKm: choice.distance, complete };
};

const shortfallsOf = (stock: Stock, plan: FulfilmentPlan | undefined): Shortfall[] => {
  const shortfalls: Shortfall[] = [];
  stock.skus.forEach((skuRef, sku) => {
    let planned = 0;
    for (const fulfilment of plan?.fulfilments ?? []) for (const line of fulfilment.lines) if (line.skuRef === skuRef) planned += line.qty;
    if (planned < stock.requested[sku]) shortfalls.push({ skuRef, requested: stock.requested[sku], available: planned });
  });
  return shortfalls;
};

const RADIANS = Math.PI / 180;

/**
 * The working set. Candidates: ACTIVE locations of the profile's types (for CC only the pickup
 * location). Stock: positions indexed once by SKU and candidate. Distances: haversine, as
 * `distanceKm`, once per candidate that holds any of the order.
 */
const stockOf = (
  request: SourcingRequest,
  profile: SourcingProfile,
  locations: readonly SourcingLocation[],
  positions: readonly StockPosition[],
): Stock => {
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

  // A ref listed twice: the last one gets the stock.
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

  const skuCount = skus.length;
  const candidateCount = candidates.length;
  const { requested, available, covered, distance } = workspace.reserve(candidateCount, skuCount);
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

  const from = request.type === 'HD' ? request.deliveryPoint : undefined;
  const fromLat = from ? from.lat * RADIANS : 0;
  const fromLon = from ? from.lon * RADIANS : 0;
  const cosFromLat = Math.cos(fromLat);
  for (let c = 0; c < candidateCount; c++) {
    let units = 0;
    const row = c * skuCount;
    for (let sku = 0; sku < skuCount; sku++) units += available[row + sku] < requested[sku] ? available[row + sku] : requested[sku];
    covered[c] = units;
    distance[c] = 0;
    if (!from || units === 0) continue;
    // distanceKm, inlined with the delivery point's share computed once.
    const lat = candidates[c].lat * RADIANS;
    const sinHalfLat = Math.sin((lat - fromLat) / 2);
    const sinHalfLon = Math.sin((candidates[c].lon * RADIANS - fromLon) / 2);
    const h = sinHalfLat * sinHalfLat + cosFromLat * Math.cos(lat) * sinHalfLon * sinHalfLon;
    const km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    distance[c] = km >= 0 ? km : Infinity;
  }
  return { candidates, candidateCount, skus, skuCount, requested, available, covered, distance, totalRequested };
};

/**
 * Ranked fulfilment plans for an order (see the header for the search). HD distances are from the
 * delivery point; CC plans use only the pickup location, at distance 0.
 */
export const planFulfilments = (
  request: SourcingRequest,
  profile: SourcingProfile,
  locations: readonly SourcingLocation[],
  positions: readonly StockPosition[],
): SourcingResult => {
  const stock = stockOf(request, profile, locations, positions);
  if (stock.totalRequested <= 0) return { available: false, plans: [], shortfalls: [] };
  const maxSplit = request.type === 'CC' ? 1 : Math.max(1, Math.floor(request.maxSplit ?? profile.maxSplit));
  const top = new TopChoices(rankingOf(profile.ranking), Math.max(1, profile.maxPlans ?? DEFAULT_MAX_PLANS));

  const { covered, distance, totalRequested } = stock;
  let threshold = top.threshold(1);
  for (let c = 0; c < stock.candidateCount; c++) {
    if (covered[c] === totalRequested && enters(distance[c], threshold)) {
      top.offer([c], distance[c]);
      threshold = top.threshold(1);
    }
  }

  let partial: number[] | undefined;
  let nearest: NearestFirst | undefined;
  if (maxSplit >= 2 && top.threshold(2) > 0) {
    partial = partialCandidates(stock);
    nearest = new NearestFirst(distance, partial);
    searchPairs(stock, nearest, top);
  }
  let bestPartial: Choice | undefined;
  const nothingComplete = top.choices.length === 0;
  if ((maxSplit >= 3 && top.threshold(3) > 0) || (nothingComplete && maxSplit >= 2)) {
    partial ??= partialCandidates(stock);
    nearest ??= new NearestFirst(distance, partial);
    bestPartial = searchGreedy(stock, partial, nearest, maxSplit, top);
  }

  if (top.choices.length > 0) {
    return { available: true, plans: top.choices.map((choice) => toPlan(stock, choice)), shortfalls: [] };
  }
  const single = bestSingle(stock);
  if (single && (!bestPartial || isBetterPartial(stock, single, bestPartial))) bestPartial = single;
  const plans = bestPartial ? [toPlan(stock, bestPartial)] : [];
  return { available: false, plans, shortfalls: shortfallsOf(stock, plans[0]) };
};
