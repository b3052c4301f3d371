import type { Entity } from '../../engine/model';
import { isSealed, unseal } from '../privacy/sealed';
import { fulfilmentAttributes, fulfilmentsOf, orderAttributes } from './order';

/** The record a sealed value belongs to, bound into its encryption. */
export const sealingContext = (accountId: string, orderRef: string) => `${accountId}:ORDER:${orderRef}`;

const opened = (value: unknown, key: Buffer, context: string) => (isSealed(value) ? unseal(value, key, context) : value);

/** An order as the API shows it: with its fulfilments, and the customer's data unsealed. */
export const orderView = (order: Entity, entities: Iterable<Entity>, dataKey: Buffer, accountId: string) => {
  const attributes = orderAttributes(order);
  const context = sealingContext(accountId, order.ref);
  const address = opened(attributes.deliveryAddress, dataKey, context) as Record<string, unknown> | undefined;
  return {
    ref: order.ref,
    retailerId: order.retailerId,
    type: attributes.type,
    status: order.status,
    lines: attributes.lines,
    customer: opened(attributes.customer, dataKey, context),
    ...(address ? { deliveryAddress: { ...address, ...attributes.deliveryPoint } } : {}),
    ...(attributes.pickupLocationRef ? { pickupLocationRef: attributes.pickupLocationRef } : {}),
    fulfilments: fulfilmentsOf(entities, order.ref).map((fulfilment) => ({
      ref: fulfilment.ref,
      status: fulfilment.status,
      locationRef: fulfilmentAttributes(fulfilment).locationRef,
      distanceKm: fulfilmentAttributes(fulfilment).distanceKm,
      lines: fulfilmentAttributes(fulfilment).lines,
    })),
    workflowVersion: order.workflowVersion,
    createdOn: order.createdOn,
    updatedOn: order.updatedOn,
  };
};

/** A list entry: no customer data, so listing needs no key and shows no PII. */
export const orderSummary = (order: Entity) => {
  const attributes = orderAttributes(order);
  return {
    ref: order.ref,
    retailerId: order.retailerId,
    type: attributes.type,
    status: order.status,
    lineCount: attributes.lines?.length ?? 0,
    createdOn: order.createdOn,
    updatedOn: order.updatedOn,
  };
};
