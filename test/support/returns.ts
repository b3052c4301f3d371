import type { OrderReturns } from '../../shared/ports/order-returns';
import type { Entity } from '../../shared/engine/engine-model';
import { anOrderEntity, ORDER_RETAILER } from './order-builder';

/** The returns noted against orders, kept in memory. */
export class InMemoryOrderReturns implements OrderReturns {
  private readonly notes = new Map<string, Set<string>>();

  async add(retailerId: string, orderRef: string, returnRef: string): Promise<void> {
    const key = JSON.stringify([retailerId, orderRef]);
    this.notes.set(key, new Set([...(this.notes.get(key) ?? []), returnRef]));
  }

  async list(retailerId: string, orderRef: string): Promise<string[]> {
    return [...(this.notes.get(JSON.stringify([retailerId, orderRef])) ?? [])].sort();
  }
}

/**
 * An order O-1 of ORDER_RETAILER whose lines are L1 (2 × TEE at 12.50 GBP) and L2 (1 × CAP at 8 GBP),
 * with one fulfilment per `fulfilments` entry, each carrying every line in full, in the status given.
 */
export const orderWithFulfilments = (fulfilmentStatuses: string[], ref = 'O-1'): Entity[] => {
  const lines = [
    { lineRef: 'L1', skuRef: 'TEE', qty: 2, unitPrice: 12.5, currency: 'GBP' },
    { lineRef: 'L2', skuRef: 'CAP', qty: 1, unitPrice: 8, currency: 'GBP' },
  ];
  const order = anOrderEntity(ref, { status: 'ALLOCATED', attributes: { type: 'HD', lines, requestHash: 'h' } });
  const fulfilments = fulfilmentStatuses.map((status, index) =>
    anOrderEntity(`${ref}-F${index + 1}`, {
      entityType: 'FULFILMENT',
      status,
      rootRef: ref,
      workflowRef: 'ORDER::HD',
      attributes: { locationRef: 'DC-1', distanceKm: 10, lines: lines.map(({ skuRef, qty }) => ({ skuRef, qty })) },
    }),
  );
  return [order, ...fulfilments];
};

export { ORDER_RETAILER };

/** Return R-1 of order O-1: one TEE (L1) at 12.50 GBP, back at WH-NORTH, in `status`; `attributes` adds to its own. */
export const aReturnEntity = ({ attributes: extra = {}, ...overrides }: Partial<Entity> = {}): Entity =>
  anOrderEntity('R-1', {
    entityType: 'RETURN_ORDER',
    subtype: 'DEFAULT',
    rootEntityType: 'RETURN_ORDER',
    rootRef: 'R-1',
    workflowRef: 'RETURN_ORDER::DEFAULT',
    status: 'CREATED',
    attributes: {
      orderRef: 'O-1',
      returnLocationRef: 'WH-NORTH',
      lines: [{ lineRef: 'L1', skuRef: 'TEE', qty: 1, reason: 'too small', unitPrice: 12.5, currency: 'GBP' }],
      currency: 'GBP',
      requestHash: 'b7c2',
      ...extra,
    },
    ...overrides,
  });
