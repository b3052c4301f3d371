import { NearestFirst } from './nearest-first';
import type { Choice, TopChoices } from './plan-ranking';
import type { StockMatrix } from './stock-matrix';

/**
 * Stage 1: every candidate that covers all lines, nearest first, until no farther one could get
 * in. Offered nearest first rather than in index order, the same plans are kept: equals still come
 * in index order. Exact.
 */
export const searchSingles = (stock: StockMatrix, top: TopChoices): void => {
  const { covered, distance, totalRequested } = stock;
  const nearest = new NearestFirst(stock.distances, (c) => covered[c] === totalRequested, stock.completeCount, stock.workspace.heap);
  let threshold = top.threshold(1);
  for (let k = 0, c = nearest.at(0); c >= 0; c = nearest.at(++k)) {
    if (!top.enters(distance[c], threshold)) return;
    top.offer([c], distance[c]);
    threshold = top.threshold(1);
  }
};

/** The single candidate covering the most units, then the nearest: a partial plan when nothing is complete. */
export const bestSingle = (stock: StockMatrix): Choice | undefined => {
  stock.distances.measureAll(stock.covered);
  let best = -1;
  for (let c = 0; c < stock.candidateCount; c++) {
    if (stock.covered[c] === 0) continue;
    if (best < 0 || stock.covered[c] > stock.covered[best] || (stock.covered[c] === stock.covered[best] && stock.distance[c] < stock.distance[best])) best = c;
  }
  return best < 0 ? undefined : { members: [best], distance: stock.distance[best] };
};
