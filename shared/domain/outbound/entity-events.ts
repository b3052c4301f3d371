import type { Entity } from '../../engine/engine-model';
import { FULFILMENT, ORDER } from '../orders/order';
import { fulfilmentView, orderView } from '../orders/order-view';
import { hasCustomerData } from './customer-data-opener';
import type { OutboundContext } from './outbound-context';
import type { OutboundEvent } from './outbound-event';
import { outboundEventId } from './outbound-event-id';

type EntityChange = { before?: Entity; after: Entity };

/**
 * The order as GET /v1/orders/{ref} shows it, without its fulfilments: the change stream reports
 * one entity at a time, and each fulfilment's own changes come as `fulfilment.status_changed`.
 */
const orderData = async (order: Entity, context: OutboundContext, unmasked: boolean) => {
  const { fulfilments: _fulfilments, ...view } = await orderView(order, [], { accountId: context.accountId, keys: context.keys, unmasked });
  return { order: view };
};

const fulfilmentData = (fulfilment: Entity) => ({
  fulfilment: { ...fulfilmentView(fulfilment), orderRef: fulfilment.rootRef, createdOn: fulfilment.createdOn, updatedOn: fulfilment.updatedOn },
});

const eventOf = (type: string, { before, after }: EntityChange, context: OutboundContext) => ({
  id: outboundEventId(context.accountId, type, after.retailerId, after.entityType, after.ref, after.version),
  type,
  occurredOn: after.updatedOn,
  accountId: context.accountId,
  retailerId: after.retailerId,
  ...(after.lastEventId === undefined ? {} : { eventId: after.lastEventId }),
  entity: { entityType: after.entityType, ref: after.ref, rootEntityType: after.rootEntityType, rootRef: after.rootRef },
  status: before === undefined ? { to: after.status } : { from: before.status, to: after.status },
  toBus: true,
  toWebhooks: true,
});

const orderEvent = async (change: EntityChange, context: OutboundContext): Promise<OutboundEvent[]> => {
  const type = change.before === undefined ? 'order.created' : 'order.status_changed';
  if (change.before !== undefined && change.before.status === change.after.status) return [];
  const data = await orderData(change.after, context, false);
  const dataWithCustomer = hasCustomerData(change.after) ? await orderData(change.after, context, true) : undefined;
  return [{ ...eventOf(type, change, context), data, ...(dataWithCustomer ? { dataWithCustomer } : {}) }];
};

/**
 * `order.created` for a new order, `order.status_changed` when an order's status changed,
 * `fulfilment.status_changed` when a fulfilment was created or its status changed. Every other
 * entity, and a change that left the status as it was, makes nothing.
 */
export const entityEventsOf = async (change: EntityChange, context: OutboundContext): Promise<OutboundEvent[]> => {
  const { before, after } = change;
  if (after.entityType === ORDER) return orderEvent(change, context);
  if (after.entityType !== FULFILMENT || (before !== undefined && before.status === after.status)) return [];
  return [{ ...eventOf('fulfilment.status_changed', change, context), data: fulfilmentData(after) }];
};
