import type { Entity } from '../../engine/engine-model';
import type { DataKeys } from '../../ports/keyring';
import { CUSTOMER_ATTRIBUTES, isRecord } from '../privacy/customer-data';
import type { CustomerDataOpener } from '../privacy/customer-view';
import { orderOpener } from '../privacy/order-sealing';
import { isSealed } from '../privacy/sealed';
import { ORDER } from '../orders/order';

/** Whether an entity carries customer data, so that a payload in clear differs from the masked one. */
export const hasCustomerData = (entity: Pick<Entity, 'attributes'>): boolean =>
  isRecord(entity.attributes) && CUSTOMER_ATTRIBUTES.some((name) => entity.attributes[name] !== undefined);

/**
 * Opens the customer data of an entity: an order's is sealed to the order, so an entity of another
 * type opens with its root order's record, or not at all (its sealed values are left out).
 */
export const customerDataOpener = async (accountId: string, entity: Entity, keys: DataKeys): Promise<CustomerDataOpener> => {
  const orderRef = entity.entityType === ORDER ? entity.ref : entity.rootEntityType === ORDER ? entity.rootRef : undefined;
  if (orderRef === undefined) return (value) => (isSealed(value) ? undefined : value);
  const attributes = isRecord(entity.attributes) ? entity.attributes : {};
  const values = CUSTOMER_ATTRIBUTES.map((name) => attributes[name]);
  return orderOpener({ accountId, retailerId: entity.retailerId, ref: orderRef }, values, keys);
};
