import { ValidationError } from '../domain-errors';
import { isSealed } from './sealed';
import type { Sealer } from './order-sealing';

/**
 * Customer data on an order: `customer` (name, email, phone) and `deliveryAddress` (its lines)
 * are sealed whole; the delivery coordinates are sealed at full precision as
 * `exactDeliveryPoint`, and kept in clear as `deliveryPoint` rounded to 0.01° (about 1 km),
 * which is all sourcing needs.
 */
export const CUSTOMER_ATTRIBUTES = ['customer', 'deliveryAddress', 'deliveryPoint', 'exactDeliveryPoint'] as const;

export interface Point {
  lat: number;
  lon: number;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const inRange = (value: unknown, limit: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;

export const asPoint = (value: unknown): Point | undefined =>
  isRecord(value) && inRange(value.lat, 90) && inRange(value.lon, 180) ? { lat: value.lat, lon: value.lon } : undefined;

const round = (degrees: number) => Math.round(degrees * 100) / 100;

export const roundedPoint = (point: Point): Point => ({ lat: round(point.lat), lon: round(point.lon) });

const requirePoint = (value: unknown, field: string): Point => {
  const point = asPoint(value);
  if (point) return point;
  const problem = !isRecord(value) || !inRange(value.lat, 90) ? 'lat' : 'lon';
  const limit = problem === 'lat' ? 90 : 180;
  throw new ValidationError(`${field}.${problem} must be a number from -${limit} to ${limit}`, `${field}.${problem}`);
};

/**
 * An order's attributes with the customer's data sealed. The coordinates come from
 * `deliveryPoint`, or else from the address's `lat`/`lon`. `prefix` leads the field names of errors.
 */
export const sealCustomerData = (attributes: Record<string, unknown>, seal: Sealer, prefix = ''): Record<string, unknown> => {
  const { customer, deliveryAddress, deliveryPoint, exactDeliveryPoint, ...rest } = attributes;
  if (exactDeliveryPoint !== undefined) {
    throw new ValidationError(`${prefix}exactDeliveryPoint is kept by Ordo: send deliveryPoint instead`, `${prefix}exactDeliveryPoint`);
  }
  let address = deliveryAddress;
  let point: Point | undefined;
  if (deliveryPoint !== undefined) point = requirePoint(deliveryPoint, `${prefix}deliveryPoint`);
  if (isRecord(address) && ('lat' in address || 'lon' in address)) {
    const { lat, lon, ...lines } = address;
    address = lines;
    point ??= requirePoint({ lat, lon }, `${prefix}deliveryAddress`);
  }
  return {
    ...rest,
    ...(customer !== undefined ? { customer: seal(customer) } : {}),
    ...(address !== undefined ? { deliveryAddress: seal(address) } : {}),
    ...(point ? { deliveryPoint: roundedPoint(point), exactDeliveryPoint: seal(point) } : {}),
  };
};

/** The value with every sealed value in it left out, however deep. */
export const withoutSealedValues = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.filter((item) => !isSealed(item)).map(withoutSealedValues);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => !isSealed(item))
      .map(([name, item]) => [name, withoutSealedValues(item)]),
  );
};

/**
 * Attributes as entity and event views show them, to every key: no customer fields, no sealed
 * value anywhere, and the delivery point rounded (it was stored at full precision before it was sealed).
 */
export const withoutCustomerData = (attributes: unknown): unknown => {
  if (!isRecord(attributes)) return withoutSealedValues(attributes);
  const { customer: _customer, deliveryAddress: _address, exactDeliveryPoint: _exact, deliveryPoint, ...rest } = attributes;
  const point = asPoint(deliveryPoint);
  return { ...(withoutSealedValues(rest) as Record<string, unknown>), ...(point ? { deliveryPoint: roundedPoint(point) } : {}) };
};
