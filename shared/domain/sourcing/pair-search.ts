import type { NearestFirst } from './nearest-first';
import type { TopChoices } from './plan-ranking';
import { MASKED_SKUS, type StockMatrix } from './stock-matrix';

/** Whether two candidates together hold every line in full. */
const pairCompletes = (stock: StockMatrix, a: number, b: number): boolean => {
  const { requested, available, skuCount } = stock;
  const rowA = a * skuCount;
  const rowB = b * skuCount;
  for (let sku = 0; sku < skuCount; sku++) {
    if (available[rowA + sku] + available[rowB + sku] < requested[sku]) return false;
  }
  return true;
};

/**
 * Whether some partial candidate holds every SKU of a `deficit` mask: no candidate can complete
 * one that lacks SKUs nobody else holds together (a store without the gift card, when only
 * warehouses keep the sofa). Undefined for orders of too many SKUs to mask: then every pair is tried.
 */
const completersOf = (stock: StockMatrix): ((deficit: number) => boolean) | undefined => {
  const { skuCount, candidateCount, covered, holds, totalRequested } = stock;
  if (skuCount > MASKED_SKUS) return undefined;
  const present: number[] = [];
  const seen = new Uint8Array(1 << skuCount);
  for (let c = 0; c < candidateCount; c++) {
    if (covered[c] > 0 && covered[c] < totalRequested && seen[holds[c]] === 0) {
      seen[holds[c]] = 1;
      present.push(holds[c]);
    }
  }
  // Per deficit: 0 not yet known, 1 some candidate holds it all, 2 none does.
  const known = new Uint8Array(1 << skuCount);
  return (deficit) => {
    if (known[deficit] === 0) known[deficit] = present.some((mask) => (mask & deficit) === deficit) ? 1 : 2;
    return known[deficit] === 1;
  };
};

/** The SKUs of which a candidate holds less than the order asks, as bits. */
const deficitOf = (stock: StockMatrix, a: number): number => {
  const { requested, available, skuCount } = stock;
  let deficit = 0;
  for (let sku = 0; sku < skuCount; sku++) if (available[a * skuCount + sku] < requested[sku]) deficit |= 1 << sku;
  return deficit;
};

/**
 * Stage 2 (maxSplit >= 2): every pair of the partial candidates, nearest first, stopped once no
 * shorter pair could still get in. A cheap necessary test (the units each covers alone add up to
 * the order) runs before the exact per-SKU test; a candidate that no other could complete (see
 * `completersOf`) is not paired at all, which matters while no plan is kept yet and nothing cuts the
 * search off. Exact.
 */
export const searchPairs = (stock: StockMatrix, nearest: NearestFirst, top: TopChoices): void => {
  const { covered, distance, totalRequested } = stock;
  const completes = completersOf(stock);
  let threshold = top.threshold(2);
  for (let x = 0; nearest.at(x + 1) >= 0; x++) {
    const a = nearest.at(x);
    const distanceA = distance[a];
    if (!top.enters(distanceA + distance[nearest.at(x + 1)], threshold)) return;
    if (completes && !completes(deficitOf(stock, a))) continue;
    const missing = totalRequested - covered[a];
    for (let y = x + 1, b = nearest.at(y); b >= 0; b = nearest.at(++y)) {
      const pairDistance = distanceA + distance[b];
      if (!top.enters(pairDistance, threshold)) break;
      if (covered[b] < missing || !pairCompletes(stock, a, b)) continue;
      top.offer(a < b ? [a, b] : [b, a], pairDistance);
      threshold = top.threshold(2);
    }
  }
};
