import type { Entity } from '../../engine/engine-model';
import type { CustomerAccess } from '../privacy/customer-access';
import { asPoint, isRecord, roundedPoint, type Point } from '../privacy/customer-data';
import { maskEmail, maskPhone, maskWords } from '../privacy/masking';
import { orderOpener } from '../privacy/order-sealing';
import { fulfilmentsOf } from './order';

/*
 * Orders can be created through the Event API with any attributes, so the view reads every
 * attribute defensively: what does not have the expected shape is left out, never a 500.
 */

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const picked = (entries: [string, string | undefined][]) =>
  Object.fromEntries(entries.filter((entry): entry is [string, string] => entry[1] !== undefined));

const customerView = (value: unknown, unmasked: boolean) => {
  if (!isRecord(value)) return undefined;
  const [name, email, phone] = [text(value.name), text(value.email), text(value.phone)];
  if (unmasked) return picked([['name', name], ['email', email], ['phone', phone]]);
  return picked([
    ['name', name && maskWords(name)],
    ['email', email && maskEmail(email)],
    ['phone', phone && maskPhone(phone)],
  ]);
};

/** Masked, the lines and the postcode show each word's first letter; the city and the country stay, the point is rounded. */
const addressView = (value: unknown, point: Point | undefined, unmasked: boolean) => {
  const address = isRecord(value) ? value : {};
  const [line1, line2, city, postcode, country] = ['line1', 'line2', 'city', 'postcode', 'country'].map((name) => text(address[name]));
  const mask = (line: string | undefined) => (unmasked || line === undefined ? line : maskWords(line));
  const lines = picked([['line1', mask(line1)], ['line2', mask(line2)], ['city', city], ['postcode', mask(postcode)], ['country', country]]);
  const shown = point && (unmasked ? point : roundedPoint(point));
  if (!Object.keys(lines).length && !shown) return undefined;
  return { ...lines, ...shown };
};

const fulfilmentView = (fulfilment: Entity) => {
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
  const { customer, deliveryAddress, exactDeliveryPoint, deliveryPoint } = attributes;
  const open = await orderOpener(
    { accountId: access.accountId, retailerId: order.retailerId, ref: order.ref },
    [customer, deliveryAddress, exactDeliveryPoint],
    access.keys,
  );
  // Orders sealed before coordinates were sealed keep them in deliveryPoint alone.
  const point = asPoint(open(exactDeliveryPoint)) ?? asPoint(deliveryPoint);
  const customerShown = customerView(open(customer), access.unmasked);
  const addressShown = addressView(open(deliveryAddress), point, access.unmasked);
  return {
    ref: order.ref,
    retailerId: order.retailerId,
    type: text(attributes.type),
    status: order.status,
    lines: Array.isArray(attributes.lines) ? attributes.lines : [],
    ...(customerShown ? { customer: customerShown } : {}),
    ...(addressShown ? { deliveryAddress: addressShown } : {}),
    ...(text(attributes.pickupLocationRef) ? { pickupLocationRef: attributes.pickupLocationRef } : {}),
    fulfilments: fulfilmentsOf(entities, order.ref).map(fulfilmentView),
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
