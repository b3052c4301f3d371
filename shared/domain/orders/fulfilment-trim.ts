import type { Action } from '../../engine/actions';
import type { Entity } from '../../engine/engine-model';
import { fulfilmentAttributes, type FulfilmentLine } from './order';

/** Units of one SKU to take off a fulfilment. */
export interface LineRemoval {
  skuRef: string;
  qty: number;
}

export interface FulfilmentTrim {
  /** The releases of the units taken off, at the fulfilment's location. */
  releases: Action[];
  /** What was taken off: never more than the fulfilment carried. */
  removed: LineRemoval[];
  /** The lines it keeps, without the emptied ones. */
  kept: FulfilmentLine[];
  locationRef: string;
}

/**
 * Takes units off a fulfilment that still holds its reservations (a short pick, a cancelled line): each
 * removal is capped at what the fulfilment carries of the SKU, and its units are released.
 */
export const trimFulfilment = (fulfilment: Entity, removals: readonly LineRemoval[], reason: string): FulfilmentTrim => {
  const { locationRef, lines } = fulfilmentAttributes(fulfilment);
  const remaining = lines.map((line) => ({ ...line }));
  const releases: Action[] = [];
  const removed: LineRemoval[] = [];
  for (const removal of removals) {
    const line = remaining.find((candidate) => candidate.skuRef === removal.skuRef);
    const qty = Math.min(removal.qty, line?.qty ?? 0);
    if (!line || qty <= 0) continue;
    line.qty -= qty;
    releases.push({ type: 'RELEASE_INVENTORY', skuRef: removal.skuRef, locationRef, qty, reason });
    removed.push({ skuRef: removal.skuRef, qty });
  }
  return { releases, removed, kept: remaining.filter((line) => line.qty > 0), locationRef };
};
