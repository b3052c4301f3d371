import type { NearestFirst } from './nearest-first';
import type { Choice, TopChoices } from './plan-ranking';
import { distanceOf, withoutRedundant, type StockMatrix } from './stock-matrix';

/** Seeds of the greedy search for plans of 3+ locations and for the best partial plan. */
const NEAREST_SEEDS = 6;
const LARGEST_SEEDS = 4;

/**
 * Stage 3 (maxSplit >= 3, or nothing complete yet): a heuristic, seeded in turn from each of the
 * NEAREST_SEEDS nearest and the LARGEST_SEEDS best-stocked partial candidates. From a seed: offer
 * the nearest single candidate that completes it and every pair that does (searched like the pair
 * stage); if none does, add the candidate that covers the most of what is still missing (greedy set
 * cover over units, the nearest among equals) and try again, up to maxSplit. So a 3-location plan is
 * found whenever one of its locations is a seed, which makes this stage exact for 3 locations when
 * there are at most NEAREST_SEEDS + LARGEST_SEEDS partial candidates. The nearest seeds find short
 * plans; the best-stocked ones find plans with few locations (greedy from the nearest alone piles
 * up small stores). A partial plan is the seed's greedy set with the most units, then the shortest.
 *
 * One search per planFulfilments call, working in that call's workspace.
 */
export class GreedySearch {
  /** Per candidate: what it would add to the plan being grown. */
  private readonly gains: Float64Array;
  /** Per SKU: what the plan being grown still lacks. */
  private readonly missing: Float64Array;

  constructor(
    private readonly stock: StockMatrix,
    private readonly partial: readonly number[],
    private readonly nearest: NearestFirst,
    private readonly top: TopChoices,
  ) {
    this.gains = new Float64Array(stock.candidateCount);
    this.missing = stock.workspace.missing;
  }

  /** Offers the complete plans it finds to `top`; returns the best incomplete one. */
  run(maxSplit: number): Choice | undefined {
    const { stock, partial, top, gains, missing } = this;
    const { requested, available, distance, skuCount } = stock;
    let bestPartial: Choice | undefined;
    let bestPartialUnits = 0;
    for (const seed of this.seeds()) {
      // Once plans are kept, a seed whose shortest 3-location plan could not get in is skipped.
      if (top.choices.length > 0 && !top.enters(distance[seed] + this.twoNearestBesides(seed), top.threshold(3))) continue;
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
        if (members.length + 2 <= maxSplit && this.completeWithPair(members, stillMissing)) completed = true;
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
  }

  /** The nearest candidates, then the best-stocked (nearest among equals). */
  private seeds(): number[] {
    const { stock, partial, nearest } = this;
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
  }

  /** The distance of the two nearest partial candidates other than `seed` (Infinity if there are not two). */
  private twoNearestBesides(seed: number): number {
    const { stock, nearest } = this;
    let sum = 0;
    let found = 0;
    for (let k = 0, c = nearest.at(0); c >= 0 && found < 2; c = nearest.at(++k)) {
      if (c === seed) continue;
      sum += stock.distance[c];
      found++;
    }
    return found === 2 ? sum : Infinity;
  }

  /**
   * The nearest pairs of partial candidates, other than the members, that complete the members;
   * each is offered, cut off like the pair stage. Whether any completes them. Reads the gains and
   * what is missing as `run` left them for these members.
   */
  private completeWithPair(members: readonly number[], stillMissing: number): boolean {
    const { stock, nearest, top, gains, missing } = this;
    const { available, distance, skuCount } = stock;
    const splitCount = members.length + 2;
    const membersDistance = distanceOf(stock, members);
    let threshold = top.threshold(splitCount);
    let found = false;
    for (let x = 0, a = nearest.at(0); a >= 0; a = nearest.at(++x)) {
      // A candidate that adds nothing, or completes the members alone, makes no minimal triple.
      if (gains[a] === 0 || gains[a] >= stillMissing || members.includes(a)) continue;
      const next = nearest.at(x + 1);
      if (next < 0 || !top.enters(membersDistance + distance[a] + distance[next], threshold)) break;
      for (let y = x + 1, b = next; b >= 0; b = nearest.at(++y)) {
        if (!top.enters(membersDistance + distance[a] + distance[b], threshold)) break;
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
  }
}
