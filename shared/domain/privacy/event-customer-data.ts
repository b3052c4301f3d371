import * as z from 'zod';
import type { OrdoEvent } from '../../engine/engine-model';
import type { DataKeys } from '../../ports/keyring';
import { ValidationError } from '../domain-errors';
import { ORDER } from '../orders/order';
import { customerSchema, deliveryAddressSchema } from '../orders/order-input';
import { validate } from '../validation';
import { CUSTOMER_ATTRIBUTES, sealCustomerData } from './customer-data';
import { orderSealer } from './order-sealing';

/**
 * The customer data an ORDER event may carry has the shape POST /v1/orders takes (the address's
 * coordinates may come in `deliveryPoint` instead), so it is as bounded as an order's. Checked
 * before the data key is fetched: a refused event touches nothing.
 */
const eventCustomerDataSchema = z.looseObject({
  attributes: z.looseObject({
    customer: customerSchema.optional(),
    deliveryAddress: deliveryAddressSchema.partial({ lat: true, lon: true }).optional(),
    deliveryPoint: deliveryAddressSchema.pick({ lat: true, lon: true }).strict().optional(),
  }),
});

/**
 * An event from outside (Event API, bus) with the customer data in its attributes sealed as
 * POST /v1/orders seals it, bound to the order. Customer data belongs to orders: an event of
 * another entity type that carries it is refused, naming the field.
 */
export const sealEventCustomerData = async (event: OrdoEvent, accountId: string, keys: DataKeys): Promise<OrdoEvent> => {
  const attributes = event.attributes;
  const present = CUSTOMER_ATTRIBUTES.filter((name) => attributes?.[name] !== undefined);
  if (!attributes || !present.length) return event;
  if (event.entityType !== ORDER) {
    const field = `attributes.${present[0]}`;
    throw new ValidationError(`${field} is customer data, which only ${ORDER} events may carry`, field);
  }
  validate(eventCustomerDataSchema, { attributes });
  const seal = await orderSealer({ accountId, retailerId: event.retailerId, ref: event.entityRef }, keys);
  return { ...event, attributes: sealCustomerData(attributes, seal, 'attributes.') };
};
