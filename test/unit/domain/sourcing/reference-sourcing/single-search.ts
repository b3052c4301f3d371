import type { Choice, TopChoices } from './plan-ranking';
import type { StockMatrix } from './stock-matrix';

/** Stage 1: every candidate that covers all lines, offered in index order. Exact. */
export const searchSingles = (stock: StockMatrix, top: TopChoices): void => {
  const { covered, distance, totalRequested } = stock;
  let threshold = top.threshold(1);
  for (let c = 0; c < stock.candidateCount; c++) {
    if (covered[c] === totalRequested && top.enters(distance[c], threshold)) {
      top.offer([c], distance[c]);
      threshold = top.threshold(1);
    }
  }
};

/** The single candidate covering the most units, then the nearest: a partial plan when nothing is complete. */
export const bestSingle = (stock: StockMatrix): Choice | undefined => {
  let best = -1;
  for (let c = 0; c < stock.candidateCount; c++) {
    if (stock.covered[c] === 0) continue;
    if (best < 0 || stock.covered[c] > stock.covered[best] || (stock.covered[c] === stock.covered[best] && stock.distance[c] < stock.distance[best])) best = c;
  }
  return best < 0 ? undefined : { members: [best], distance: stock.distance[best] };
};
