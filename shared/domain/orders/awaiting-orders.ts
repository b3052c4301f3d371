import type { RuleServices } from '../../engine/engine-store';
import type { EntityIndex } from '../../ports/entity-index';
import { ORDER, orderAttributes } from './order';

/** An order that waits for stock, as a rule needs it to send it an event. */
export interface WaitingOrder {
  ref: string;
  subtype: string;
}

/** Read-only order lookups for rules, handed to them as `ctx.services.orders`. */
export interface OrderFinder {
  /**
   * Up to `limit` orders of the retailer in `status` with a line of `skuRef`, those waiting
   * longest (least recently updated) first.
   */
  awaitingOrders(retailerId: string, status: string, skuRef: string, limit: number): Promise<WaitingOrder[]>;
}

export const orderFinderOf = (services: RuleServices): OrderFinder => {
  const finder = services.orders as OrderFinder | undefined;
  if (!finder) throw new Error('The engine was built without the orders service');
  return finder;
};

/** Orders read per index page, and at most per lookup (lines cannot be filtered in the index). */
const PAGE = 100;
const MAX_SCANNED = 1_000;

/**
 * An OrderFinder on the entity index (GSI2, orders by status): pages through the retailer's
 * orders in the status, oldest first, keeping those with a line of the SKU. It reads at most
 * MAX_SCANNED orders per lookup, so a long queue of orders waiting for other SKUs costs a
 * bounded read; the orders past it are found once the earlier ones move on.
 */
export const indexedOrderFinder = (index: Pick<EntityIndex, 'list'>, maxScanned = MAX_SCANNED): OrderFinder => ({
  async awaitingOrders(retailerId, status, skuRef, limit) {
    const found: WaitingOrder[] = [];
    let cursor: string | undefined;
    let scanned = 0;
    do {
      const page = await index.list({ entityType: ORDER, status, retailerId, limit: Math.min(PAGE, maxScanned - scanned), cursor, oldestFirst: true });
      scanned += page.items.length;
      for (const order of page.items) {
        const lines = orderAttributes(order).lines ?? [];
        if (lines.some((line) => line.skuRef === skuRef)) found.push({ ref: order.ref, subtype: order.subtype });
        if (found.length >= limit) return found;
      }
      cursor = page.cursor;
    } while (cursor && scanned < maxScanned);
    return found;
  },
});
