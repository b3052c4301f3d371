import type { Entity, StatusChange } from '../../engine/engine-model';
import { FULFILMENT, ORDER } from '../orders/order';
import { fulfilmentView, orderView } from '../orders/order-view';
import { RETURN_ORDER } from '../returns/return-order';
import { returnView } from '../returns/return-view';
import { hasCustomerData } from './customer-data-opener';
import type { OutboundContext } from './outbound-context';
import type { OutboundEvent } from './outbound-event';
import { outboundEventId } from './outbound-event-id';

type EntityChange = { before?: Entity; after: Entity; statusChanges?: StatusChange[] };

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

/**
 * The moves a change reports: each one its execution made, in order, when the commit kept them;
 * else (a write from before they were kept) the one from its old status to its new, if any.
 */
const movesOf = ({ before, after, statusChanges }: EntityChange): StatusChange[] => {
  if (statusChanges !== undefined) return statusChanges;
  return before !== undefined && before.status !== after.status ? [{ from: before.status, to: after.status }] : [];
};

/** `move` and its place among the commit's moves tell one event from another of the same write; a lone move keeps the id it always had. */
const eventOf = (type: string, { after }: EntityChange, status: { from?: string; to: string }, context: OutboundContext, move?: number) => ({
  id: outboundEventId(context.accountId, type, after.retailerId, after.entityType, after.ref, after.version, ...(move === undefined ? [] : [move])),
  type,
  occurredOn: after.updatedOn,
  accountId: context.accountId,
  retailerId: after.retailerId,
  ...(after.lastEventId === undefined ? {} : { eventId: after.lastEventId }),
  entity: { entityType: after.entityType, ref: after.ref, rootEntityType: after.rootEntityType, rootRef: after.rootRef },
  status,
  toBus: true,
  toWebhooks: true,
});

/** One event per move, numbered when the commit made more than one. */
const moveEvents = (type: string, change: EntityChange, context: OutboundContext) => {
  const moves = movesOf(change);
  return moves.map((move, index) => eventOf(type, change, move, context, moves.length > 1 ? index : undefined));
};

/**
 * `order.created` for a new order (its status as committed), then `order.status_changed` for each
 * move its execution made: one run may take an order from CREATED through BOOKED to ALLOCATED.
 * Each carries the order as committed.
 */
const orderEvents = async (change: EntityChange, context: OutboundContext): Promise<OutboundEvent[]> => {
  const made = [
    ...(change.before === undefined ? [eventOf('order.created', change, { to: change.after.status }, context)] : []),
    ...moveEvents('order.status_changed', change, context),
  ];
  if (made.length === 0) return [];
  const data = await orderData(change.after, context, false);
  const dataWithCustomer = hasCustomerData(change.after) ? await orderData(change.after, context, true) : undefined;
  return made.map((event) => ({ ...event, data, ...(dataWithCustomer ? { dataWithCustomer } : {}) }));
};

/** The status a return reaches when its goods are back: a payment system refunds on it. */
const RECEIVED = 'RECEIVED';

/**
 * `return.received` when a return reaches RECEIVED, with the return as GET /v1/returns/{ref} shows it
 * once committed: its lines with their condition and the refundable amount. A return holds no customer data.
 */
const returnEvents = (change: EntityChange, context: OutboundContext): OutboundEvent[] => {
  const moves = movesOf(change);
  const data = { return: returnView(change.after) };
  return moves.flatMap((move, index) =>
    move.to === RECEIVED ? [{ ...eventOf('return.received', change, move, context, moves.length > 1 ? index : undefined), data }] : [],
  );
};

/**
 * `order.created` and `order.status_changed` for orders; `return.received` for returns; `fulfilment.status_changed` when a
 * fulfilment was created (from absent) and for each move of its status. Every other entity, and a
 * change that left the status as it was, makes nothing.
 */
export const entityEventsOf = async (change: EntityChange, context: OutboundContext): Promise<OutboundEvent[]> => {
  const { before, after } = change;
  if (after.entityType === ORDER) return orderEvents(change, context);
  if (after.entityType === RETURN_ORDER) return returnEvents(change, context);
  if (after.entityType !== FULFILMENT) return [];
  const moves = movesOf(change);
  const created = before === undefined ? [eventOf('fulfilment.status_changed', change, { to: moves[0]?.from ?? after.status }, context, moves.length ? -1 : undefined)] : [];
  const data = fulfilmentData(after);
  return [...created, ...moveEvents('fulfilment.status_changed', change, context)].map((event) => ({ ...event, data }));
};
