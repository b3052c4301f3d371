import { RuleFailedError } from '../../engine/engine-errors';
import type { Entity } from '../../engine/engine-model';
import type { LineRemoval } from './fulfilment-trim';
import { fulfilmentAttributes, orderAttributes, type OrderLine } from './order';
import { liveFulfilments } from './remaining-lines';

/** Units of one order line to cancel, as a CANCEL_LINES event names them. */
export interface CancelRequest {
  lineRef: string;
  qty: number;
}

export interface LineCancellation {
  /** The order's lines after it: `qty` what is still ordered, `cancelledQty` what was taken off. */
  lines: OrderLine[];
  /** Units each fulfilment gives up, by fulfilment ref: what it carries beyond what is still ordered. */
  removals: Map<string, LineRemoval[]>;
  /** Nothing is ordered any more. */
  nothingLeft: boolean;
}

const INVALID = 'INVALID_CANCEL_LINES';

const unitsBySku = (fulfilments: readonly Entity[]): Map<string, number> => {
  const units = new Map<string, number>();
  for (const fulfilment of fulfilments) {
    for (const line of fulfilmentAttributes(fulfilment).lines) units.set(line.skuRef, (units.get(line.skuRef) ?? 0) + line.qty);
  }
  return units;
};

const orderedBySku = (lines: readonly OrderLine[]): Map<string, number> => {
  const ordered = new Map<string, number>();
  for (const line of lines) ordered.set(line.skuRef, (ordered.get(line.skuRef) ?? 0) + line.qty);
  return ordered;
};

/**
 * Which fulfilments give units back when less is ordered: those least far along first (by the order of
 * `shrinkable`), the newest first among equals, so an older, further fulfilment is left as it is.
 */
const removalsFor = (lines: readonly OrderLine[], live: readonly Entity[], shrinkable: readonly string[]): Map<string, LineRemoval[]> => {
  const excess = unitsBySku(live);
  for (const [skuRef, qty] of orderedBySku(lines)) excess.set(skuRef, (excess.get(skuRef) ?? 0) - qty);
  const candidates = live
    .filter((fulfilment) => shrinkable.includes(fulfilment.status))
    .sort((a, b) => shrinkable.indexOf(a.status) - shrinkable.indexOf(b.status) || b.createdOn.localeCompare(a.createdOn) || b.ref.localeCompare(a.ref));
  const removals = new Map<string, LineRemoval[]>();
  for (const fulfilment of candidates) {
    for (const line of fulfilmentAttributes(fulfilment).lines) {
      const qty = Math.min(excess.get(line.skuRef) ?? 0, line.qty);
      if (qty <= 0) continue;
      excess.set(line.skuRef, (excess.get(line.skuRef) ?? 0) - qty);
      removals.set(fulfilment.ref, [...(removals.get(fulfilment.ref) ?? []), { skuRef: line.skuRef, qty }]);
    }
  }
  return removals;
};

/**
 * Takes the requested units off the order's lines. Units that fulfilments past `shrinkable` carry (picked up by
 * a carrier, collected) cannot be cancelled: asking for them fails the event, naming the line, and changes nothing.
 */
export const cancelLines = (
  order: Entity,
  entities: Iterable<Entity>,
  requests: readonly CancelRequest[],
  shrinkable: readonly string[],
): LineCancellation => {
  const lines = orderAttributes(order).lines.map((line) => ({ ...line }));
  const live = liveFulfilments(order, entities);
  const locked = unitsBySku(live.filter((fulfilment) => !shrinkable.includes(fulfilment.status)));
  requests.forEach((request, index) => {
    const line = lines.find((candidate) => candidate.lineRef === request.lineRef);
    if (!line) throw new RuleFailedError(`attributes.lines[${index}].lineRef: order ${order.ref} has no line ${request.lineRef}`, INVALID);
    if (request.qty > line.qty) {
      throw new RuleFailedError(`attributes.lines[${index}].qty: line ${line.lineRef} has ${line.qty} units left to cancel, not ${request.qty}`, INVALID);
    }
    line.qty -= request.qty;
    line.cancelledQty = (line.cancelledQty ?? 0) + request.qty;
  });
  const ordered = orderedBySku(lines);
  requests.forEach((request, index) => {
    const skuRef = lines.find((line) => line.lineRef === request.lineRef)?.skuRef ?? '';
    const fixed = locked.get(skuRef) ?? 0;
    if ((ordered.get(skuRef) ?? 0) < fixed) {
      throw new RuleFailedError(`attributes.lines[${index}].qty: ${fixed} units of ${skuRef} are past cancelling (shipped or collected)`, INVALID);
    }
  });
  return { lines, removals: removalsFor(lines, live, shrinkable), nothingLeft: lines.every((line) => line.qty === 0) };
};

/**
 * Cancels every unit the order's `kept` fulfilments do not carry (those past cancelling, e.g. shipped): each
 * line keeps, in line order, what those fulfilments carry of its SKU.
 */
export const cancelAllBut = (order: Entity, kept: readonly Entity[]): OrderLine[] => {
  const left = unitsBySku(kept);
  return orderAttributes(order).lines.map((line) => {
    const keep = Math.min(line.qty, left.get(line.skuRef) ?? 0);
    left.set(line.skuRef, (left.get(line.skuRef) ?? 0) - keep);
    const cancelled = line.qty - keep;
    return cancelled ? { ...line, qty: keep, cancelledQty: (line.cancelledQty ?? 0) + cancelled } : { ...line };
  });
};
