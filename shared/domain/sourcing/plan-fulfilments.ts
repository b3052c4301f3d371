import { GreedySearch } from './greedy-search';
import { shortfallsOf, toPlan } from './line-allocation';
import { NearestFirst } from './nearest-first';
import { searchPairs } from './pair-search';
import { isBetterPartial, rankingOf, TopChoices, type Choice } from './plan-ranking';
import { bestSingle, searchSingles } from './single-search';
import {
  DEFAULT_MAX_PLANS,
  type SourcingLocation,
  type SourcingProfile,
  type SourcingRequest,
  type SourcingResult,
  type AvailableStock,
} from './sourcing-model';
import { partialCandidates, stockMatrixOf } from './stock-matrix';

/**
 * Sourcing: which locations fulfil an order, ranked by the retailer's profile. Pure and synchronous;
 * the caller loads the locations and the stock positions. Everything a call works on (the stock
 * matrix and its workspace, the plans kept) is created by that call, so calls share nothing.
 *
 * The search runs over the candidates (ACTIVE locations of the profile's types; for CC only the
 * pickup location) and keeps the best maxPlans plans in ranking order (`TopChoices`). Every stage
 * is cut off as soon as nothing it could still find would outrank the plans kept: with the default
 * ranking, once maxPlans single locations are kept no pair is looked at, and once maxPlans plans of
 * one or two locations are kept no larger plan is.
 * 1. Singles (`searchSingles`): every candidate that covers all lines. Exact.
 * 2. Pairs (`searchPairs`, maxSplit >= 2): every pair of the "partial" candidates (some of the
 *    order, not all), nearest first. Exact.
 * 3. Three or more (`GreedySearch`, maxSplit >= 3), and the best partial plan when nothing is
 *    complete: a greedy heuristic from a few seeds, exact for 3 locations among few candidates.
 *
 * Every plan is minimal (members that add no units are dropped, farthest first); its lines are
 * then allocated to its members (`toPlan`). HD distances are from the delivery point; CC plans use
 * only the pickup location, at distance 0.
 */
export const planFulfilments = (
  request: SourcingRequest,
  profile: SourcingProfile,
  locations: readonly SourcingLocation[],
  positions: readonly AvailableStock[],
): SourcingResult => {
  const stock = stockMatrixOf(request, profile, locations, positions);
  if (stock.totalRequested <= 0) return { available: false, plans: [], shortfalls: [] };
  const maxSplit = request.type === 'CC' ? 1 : Math.max(1, Math.floor(request.maxSplit ?? profile.maxSplit));
  const top = new TopChoices(rankingOf(profile.ranking), Math.max(1, profile.maxPlans ?? DEFAULT_MAX_PLANS));

  searchSingles(stock, top);

  // Nearest first among the partial candidates (some of the order, not all); one sweep for both stages.
  const { covered, totalRequested } = stock;
  let nearest: NearestFirst | undefined;
  if (maxSplit >= 2 && top.threshold(2) > 0) {
    nearest = new NearestFirst(stock.distances, (c) => covered[c] > 0 && covered[c] < totalRequested, stock.partialCount, stock.workspace.heap);
    searchPairs(stock, nearest, top);
  }
  let bestPartial: Choice | undefined;
  const nothingComplete = top.choices.length === 0;
  if ((maxSplit >= 3 && top.threshold(3) > 0) || (nothingComplete && maxSplit >= 2)) {
    nearest ??= new NearestFirst(stock.distances, (c) => covered[c] > 0 && covered[c] < totalRequested, stock.partialCount, stock.workspace.heap);
    // The greedy search weighs every partial candidate, so every one is measured.
    stock.distances.measureAll(covered);
    bestPartial = new GreedySearch(stock, partialCandidates(stock), nearest, top).run(maxSplit);
  }

  if (top.choices.length > 0) {
    return { available: true, plans: top.choices.map((choice) => toPlan(stock, choice)), shortfalls: [] };
  }
  const single = bestSingle(stock);
  if (single && (!bestPartial || isBetterPartial(stock, single, bestPartial))) bestPartial = single;
  const plans = bestPartial ? [toPlan(stock, bestPartial)] : [];
  return { available: false, plans, shortfalls: shortfallsOf(stock, plans[0]) };
};
