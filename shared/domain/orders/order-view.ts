import type { Entity } from '../../engine/engine-model';
import type { CustomerAccess } from '../privacy/customer-access';
import { isRecord } from '../privacy/customer-data';
import { customerDataView } from '../privacy/customer-view';
import { orderOpener } from '../privacy/order-sealing';
import { fulfilmentsOf } from './order';
import { isBackorder } from './remaining-lines';

// Orders can be created through the Event API with any attributes: what has not the expected shape is left out.
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A fulfilment as its order's view shows it. */
export const fulfilmentView = (fulfilment: Entity) => {
  const attributes = isRecord(fulfilment.attributes) ? fulfilment.attributes : {};
  return {
    ref: fulfilment.ref,
    status: fulfilment.status,
    locationRef: attributes.locationRef,
    distanceKm: attributes.distanceKm,
    lines: Array.isArray(attributes.lines) ? attributes.lines : [],
  };
};

/** An order as the API shows it: with its fulfilments, and the customer's data in clear or masked. */
export const orderView = async (order: Entity, entities: Iterable<Entity>, access: CustomerAccess) => {
  const attributes = isRecord(order.attributes) ? order.attributes : {};
  const { customer, deliveryAddress, exactDeliveryPoint } = attributes;
  const open = await orderOpener(
    { accountId: access.accountId, retailerId: order.retailerId, ref: order.ref },
    [customer, deliveryAddress, exactDeliveryPoint],
    access.keys,
  );
  const fulfilments = fulfilmentsOf(entities, order.ref);
  const backorders = fulfilments.filter(isBackorder);
  return {
    ref: order.ref,
    retailerId: order.retailerId,
    type: text(attributes.type),
    status: order.status,
    lines: Array.isArray(attributes.lines) ? attributes.lines : [],
    ...customerDataView(attributes, open, access.unmasked),
    ...(text(attributes.pickupLocationRef) ? { pickupLocationRef: attributes.pickupLocationRef } : {}),
    fulfilments: fulfilments.filter((fulfilment) => !isBackorder(fulfilment)).map(fulfilmentView),
    // What a partial allocation left waiting for stock: no location, no reservation.
    ...(backorders.length ? { backorders: backorders.map(({ ref, status, attributes: backorder }) => ({ ref, status, lines: backorder.lines })) } : {}),
    workflowVersion: order.workflowVersion,
    createdOn: order.createdOn,
    updatedOn: order.updatedOn,
  };
};

export type OrderView = Awaited<ReturnType<typeof orderView>>;

/** A list entry: no customer data, so listing needs no key and shows no PII. */
export const orderSummary = (order: Entity) => {
  const attributes = isRecord(order.attributes) ? order.attributes : {};
  return {
    ref: order.ref,
    retailerId: order.retailerId,
    type: text(attributes.type),
    status: order.status,
    lineCount: Array.isArray(attributes.lines) ? attributes.lines.length : 0,
    createdOn: order.createdOn,
    updatedOn: order.updatedOn,
  };
};
