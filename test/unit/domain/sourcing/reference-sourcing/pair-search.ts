import type { NearestFirst } from './nearest-first';
import type { TopChoices } from './plan-ranking';
import type { StockMatrix } from './stock-matrix';

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
 * Stage 2 (maxSplit >= 2): every pair of the partial candidates, nearest first, stopped once no
 * shorter pair could still get in. A cheap necessary test (the units each covers alone add up to
 * the order) runs before the exact per-SKU test. Exact.
 */
export const searchPairs = (stock: StockMatrix, nearest: NearestFirst, top: TopChoices): void => {
  const { covered, distance, totalRequested } = stock;
  let threshold = top.threshold(2);
  for (let x = 0; nearest.at(x + 1) >= 0; x++) {
    const a = nearest.at(x);
    const distanceA = distance[a];
    if (!top.enters(distanceA + distance[nearest.at(x + 1)], threshold)) return;
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
