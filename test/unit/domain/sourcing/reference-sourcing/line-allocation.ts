import type { Choice } from './plan-ranking';
import type { FulfilmentPlan, PlannedFulfilment, Shortfall } from '../../../../../shared/domain/sourcing/sourcing-model';
import type { StockMatrix } from './stock-matrix';

/**
 * Lines to the locations of a chosen set, nearest location first: a line stays whole at its
 * nearest member that has all of it; otherwise it is split over the members with the most stock
 * first. Every chosen set is minimal, so every member receives at least one line.
 */
export const toPlan = (stock: StockMatrix, choice: Choice): FulfilmentPlan => {
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

/** Per SKU, what the plan (if any) leaves short of the order. */
export const shortfallsOf = (stock: StockMatrix, plan: FulfilmentPlan | undefined): Shortfall[] => {
  const shortfalls: Shortfall[] = [];
  stock.skus.forEach((skuRef, sku) => {
    let planned = 0;
    for (const fulfilment of plan?.fulfilments ?? []) for (const line of fulfilment.lines) if (line.skuRef === skuRef) planned += line.qty;
    if (planned < stock.requested[sku]) shortfalls.push({ skuRef, requested: stock.requested[sku], available: planned });
  });
  return shortfalls;
};
