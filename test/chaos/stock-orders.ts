import { RETAILER as SHOP } from '../integration/orders-api';
import type { AccountScan } from './invariants';

/** How the reference-workflow orders (those that reserve stock) fared, from the scan. */
export interface StockOrderTally {
  /** Orders that went to AWAITING_STOCK at least once (a reservation they needed was not there). */
  waited: number;
  /** Orders still in AWAITING_STOCK at the end. */
  waiting: number;
  /** Orders that ended CANCELLED or PARTIALLY_CANCELLED. */
  cancelled: number;
}

type Item = Record<string, unknown>;

const isStockOrder = (item: Item) => String(item.PK).startsWith(`ROOT#${SHOP}#ORDER#`) && String(item.SK).startsWith('ENTITY#ORDER#');

export const tallyStockOrders = (scans: AccountScan[]): StockOrderTally => {
  const orders = scans.flatMap(({ items }) => items.filter(isStockOrder));
  const refs = new Set(orders.map((order) => String(order.ref)));
  const waited = new Set(
    scans.flatMap(({ items }) =>
      items.filter((item) => item.kind === 'STATE_CHANGE' && item.to === 'AWAITING_STOCK' && refs.has(String(item.entityRef))).map((item) => String(item.entityRef)),
    ),
  );
  return {
    waited: waited.size,
    waiting: orders.filter((order) => order.status === 'AWAITING_STOCK').length,
    cancelled: orders.filter((order) => order.status === 'CANCELLED' || order.status === 'PARTIALLY_CANCELLED').length,
  };
};
