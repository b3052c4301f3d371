import { asPoint, isRecord, roundedPoint, withoutSealedValues, type Point } from './customer-data';
import { maskEmail, maskPhone, maskWords } from './masking';

/*
 * Customer data as a reader may see it: in clear, or masked the way a key without CUSTOMER_READ
 * sees it. Orders can be created through the Event API with any attributes, so every value is
 * read defensively: what does not have the expected shape is left out, never a 500.
 */

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const picked = (entries: [string, string | undefined][]) =>
  Object.fromEntries(entries.filter((entry): entry is [string, string] => entry[1] !== undefined));

/** Opens one sealed value: a value that is not sealed comes back as it is, one that cannot be opened as undefined. */
export type CustomerDataOpener = (value: unknown) => unknown;

/** The customer's name, email and phone, in clear or masked. */
export const customerView = (value: unknown, unmasked: boolean) => {
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
export const addressView = (value: unknown, point: Point | undefined, unmasked: boolean) => {
  const address = isRecord(value) ? value : {};
  const [line1, line2, city, postcode, country] = ['line1', 'line2', 'city', 'postcode', 'country'].map((name) => text(address[name]));
  const mask = (line: string | undefined) => (unmasked || line === undefined ? line : maskWords(line));
  const lines = picked([['line1', mask(line1)], ['line2', mask(line2)], ['city', city], ['postcode', mask(postcode)], ['country', country]]);
  const shown = point && (unmasked ? point : roundedPoint(point));
  if (!Object.keys(lines).length && !shown) return undefined;
  return { ...lines, ...shown };
};

/** The customer and the delivery address of an order's attributes, opened, then in clear or masked. */
export const customerDataView = (attributes: Record<string, unknown>, open: CustomerDataOpener, unmasked: boolean) => {
  const { customer, deliveryAddress, exactDeliveryPoint, deliveryPoint } = attributes;
  // Orders sealed before coordinates were sealed keep them in deliveryPoint alone.
  const point = asPoint(open(exactDeliveryPoint)) ?? asPoint(deliveryPoint);
  const customerShown = customerView(open(customer), unmasked);
  const addressShown = addressView(open(deliveryAddress), point, unmasked);
  return {
    ...(customerShown ? { customer: customerShown } : {}),
    ...(addressShown ? { deliveryAddress: addressShown } : {}),
  };
};

/**
 * Attributes as an outbound payload carries them: the customer and the address shown as the
 * order view shows them (the exact point folded into the address), the delivery point rounded,
 * and every other sealed value left out, however deep.
 */
export const attributesView = (attributes: Record<string, unknown>, open: CustomerDataOpener, unmasked: boolean) => {
  const { customer: _customer, deliveryAddress: _address, exactDeliveryPoint: _exact, deliveryPoint, ...rest } = attributes;
  const point = asPoint(deliveryPoint);
  return {
    ...(withoutSealedValues(rest) as Record<string, unknown>),
    ...(point ? { deliveryPoint: roundedPoint(point) } : {}),
    ...customerDataView(attributes, open, unmasked),
  };
};
