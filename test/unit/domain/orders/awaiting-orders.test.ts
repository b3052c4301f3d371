import { indexedOrderFinder } from '../../../../shared/domain/orders/awaiting-orders';
import type { Entity } from '../../../../shared/engine/engine-model';
import type { EntityIndex } from '../../../../shared/ports/entity-index';

type ListQuery = Parameters<EntityIndex['list']>[0];

const order = (ref: string, skuRefs: string[]): Entity => ({
  retailerId: 'R1',
  entityType: 'ORDER',
  subtype: 'HD',
  ref,
  id: `${ref}-id`,
  status: 'AWAITING_STOCK',
  attributes: { type: 'HD', lines: skuRefs.map((skuRef, i) => ({ lineRef: String(i + 1), skuRef, qty: 1, unitPrice: 1, currency: 'GBP' })) },
  workflowRef: 'ORDER::HD',
  workflowVersion: 1,
  version: 1,
  rootEntityType: 'ORDER',
  rootRef: ref,
  createdOn: '2025-01-01T09:00:00.000Z',
  updatedOn: '2025-01-01T09:00:00.000Z',
});

/** An index over the orders given, paged by a numeric cursor, recording its queries. */
const index = (orders: Entity[]) => {
  const queries: ListQuery[] = [];
  return {
    queries,
    async list(query: ListQuery) {
      queries.push(query);
      const start = Number(query.cursor ?? 0);
      const items = orders.slice(start, start + query.limit);
      const next = start + items.length;
      return next < orders.length ? { items, cursor: String(next) } : { items };
    },
  };
};

describe('indexedOrderFinder', () => {
  it('finds the orders in the status with a line of the SKU, oldest first, for the retailer', async () => {
    // Prepare
    const orders = index([order('O-1', ['SKU-1']), order('O-2', ['SKU-2']), order('O-3', ['SKU-2', 'SKU-1'])]);

    // Act
    const found = await indexedOrderFinder(orders).awaitingOrders('R1', 'AWAITING_STOCK', 'SKU-1', 10);

    // Assess
    expect(found).toEqual([
      { ref: 'O-1', subtype: 'HD' },
      { ref: 'O-3', subtype: 'HD' },
    ]);
    expect(orders.queries[0]).toMatchObject({ entityType: 'ORDER', status: 'AWAITING_STOCK', retailerId: 'R1', oldestFirst: true });
  });

  it('stops at the limit', async () => {
    // Prepare
    const orders = index(Array.from({ length: 250 }, (_, i) => order(`O-${i}`, ['SKU-1'])));

    // Act
    const found = await indexedOrderFinder(orders).awaitingOrders('R1', 'AWAITING_STOCK', 'SKU-1', 3);

    // Assess
    expect(found.map((o) => o.ref)).toEqual(['O-0', 'O-1', 'O-2']);
    expect(orders.queries).toHaveLength(1);
  });

  it('reads through further pages for orders of the SKU, but no more orders than its cap', async () => {
    // Prepare
    const orders = index([...Array.from({ length: 300 }, (_, i) => order(`O-${i}`, ['SKU-2'])), order('O-LATE', ['SKU-1'])]);

    // Act
    const found = await indexedOrderFinder(orders, 250).awaitingOrders('R1', 'AWAITING_STOCK', 'SKU-1', 10);

    // Assess
    expect(found).toEqual([]);
    expect(orders.queries.map((query) => query.limit)).toEqual([100, 100, 50]);
  });
});
