import type { Entity } from '../../engine/engine-model';
import type { SourcingLine } from '../sourcing/sourcing-model';
import { fulfilmentAttributes, fulfilmentsOf, orderAttributes } from './order';

/** Fulfilments in these statuses hold no stock for the order any more. */
export const CLOSED_FULFILMENT_STATUSES = ['CANCELLED', 'SHORT_PICKED', 'EXPIRED', 'SOURCED'];

/** A backorder holds no stock: it lists what the order still waits for (partial allocation). */
export const isBackorder = (fulfilment: Entity): boolean => fulfilment.attributes?.backorder === true;

const open = (fulfilment: Entity) => !CLOSED_FULFILMENT_STATUSES.includes(fulfilment.status);

/** The fulfilments that carry stock for the order: not closed, not backorders. */
export const liveFulfilments = (order: Entity, entities: Iterable<Entity>): Entity[] =>
  fulfilmentsOf(entities, order.ref).filter((fulfilment) => open(fulfilment) && !isBackorder(fulfilment));

/** The order's backorders still waiting for stock. */
export const openBackorders = (order: Entity, entities: Iterable<Entity>): Entity[] =>
  fulfilmentsOf(entities, order.ref).filter((fulfilment) => open(fulfilment) && isBackorder(fulfilment));

/** What the order still needs sourcing for: ordered, less what live fulfilments carry. */
export const remainingLines = (order: Entity, entities: Iterable<Entity>): SourcingLine[] => {
  const needed = new Map<string, number>();
  for (const line of orderAttributes(order).lines) needed.set(line.skuRef, (needed.get(line.skuRef) ?? 0) + line.qty);
  for (const fulfilment of liveFulfilments(order, entities)) {
    for (const line of fulfilmentAttributes(fulfilment).lines) {
      needed.set(line.skuRef, (needed.get(line.skuRef) ?? 0) - line.qty);
    }
  }
  return [...needed.entries()].filter(([, qty]) => qty > 0).map(([skuRef, qty]) => ({ skuRef, qty }));
};
