import type { Entity } from '../../engine/engine-model';
import { fulfilmentAttributes, fulfilmentsOf, orderAttributes, type OrderLine } from '../orders/order';
import { CANCELLED_RETURN_STATUS, returnAttributes } from './return-order';

/** Fulfilments in these statuses handed their goods to the customer: shipped (HD) or collected (CC). */
export const HANDED_OVER_STATUSES = ['SHIPPED', 'COLLECTED'];

export interface ReturnableLine {
  line: OrderLine;
  /** Units of the line handed over to the customer. */
  shipped: number;
  /** Units of the line that earlier returns (not cancelled) already take back. */
  returned: number;
  /** What a new return may still take back. */
  returnable: number;
}

/**
 * How much of each order line may still come back: what the customer received, less what other
 * returns take. Fulfilments carry SKUs, not lines (sourcing plans by SKU), so the units of a SKU
 * handed over are given to the order's lines of that SKU in line order; a fulfilment line that
 * names its lineRef counts for that line only.
 */
export const returnableLines = (order: Entity, orderEntities: Iterable<Entity>, otherReturns: Iterable<Entity>): Map<string, ReturnableLine> => {
  const handedOver = fulfilmentsOf(orderEntities, order.ref).filter((fulfilment) => HANDED_OVER_STATUSES.includes(fulfilment.status));
  const byLine = new Map<string, number>();
  const bySku = new Map<string, number>();
  for (const fulfilment of handedOver) {
    for (const line of fulfilmentAttributes(fulfilment).lines ?? []) {
      if (line.lineRef) byLine.set(line.lineRef, (byLine.get(line.lineRef) ?? 0) + line.qty);
      else bySku.set(line.skuRef, (bySku.get(line.skuRef) ?? 0) + line.qty);
    }
  }
  const returned = new Map<string, number>();
  for (const earlier of otherReturns) {
    if (earlier.status === CANCELLED_RETURN_STATUS) continue;
    for (const line of returnAttributes(earlier).lines ?? []) returned.set(line.lineRef, (returned.get(line.lineRef) ?? 0) + line.qty);
  }
  const lines = new Map<string, ReturnableLine>();
  for (const line of orderAttributes(order).lines ?? []) {
    const named = Math.min(line.qty, byLine.get(line.lineRef) ?? 0);
    const fromSku = Math.min(line.qty - named, bySku.get(line.skuRef) ?? 0);
    bySku.set(line.skuRef, (bySku.get(line.skuRef) ?? 0) - fromSku);
    const shipped = named + fromSku;
    const taken = returned.get(line.lineRef) ?? 0;
    lines.set(line.lineRef, { line, shipped, returned: taken, returnable: Math.max(0, shipped - taken) });
  }
  return lines;
};
