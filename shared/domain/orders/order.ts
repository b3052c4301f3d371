import type { Entity } from '../../engine/engine-model';

export const ORDER = 'ORDER';
export const FULFILMENT = 'FULFILMENT';

export interface OrderLine {
  lineRef: string;
  skuRef: string;
  qty: number;
  unitPrice: number;
  currency: string;
  /** Units taken off the line since the order was placed (CANCEL_LINES, a partial cancel). */
  cancelledQty?: number;
}

export interface FulfilmentLine {
  lineRef?: string;
  skuRef: string;
  qty: number;
}

/** What an ORDER entity keeps in its attributes; the rules read the same names. */
export interface OrderAttributes {
  type: 'HD' | 'CC';
  lines: OrderLine[];
  /** Rounded to 0.01° (about 1 km): enough to source from, not to find the door. */
  deliveryPoint?: { lat: number; lon: number };
  pickupLocationRef?: string;
  /** Sealed: customer name, email and phone. */
  customer: unknown;
  /** Sealed: the address lines. */
  deliveryAddress?: unknown;
  /** Sealed: the delivery coordinates at full precision. */
  exactDeliveryPoint?: unknown;
  /** Fingerprint of the create request: a resend with another body is a conflict. */
  requestHash: string;
  /** Locations that could not pick a SKU for this order, kept out of re-sourcing. */
  sourcingExclusions?: Record<string, string[]>;
}

export interface FulfilmentAttributes {
  locationRef: string;
  distanceKm: number;
  lines: FulfilmentLine[];
}

export const orderAttributes = (order: Entity) => order.attributes as unknown as OrderAttributes;
export const fulfilmentAttributes = (fulfilment: Entity) => fulfilment.attributes as unknown as FulfilmentAttributes;

export const fulfilmentsOf = (entities: Iterable<Entity>, orderRef: string): Entity[] =>
  [...entities]
    .filter((entity) => entity.entityType === FULFILMENT && entity.rootRef === orderRef)
    .sort((a, b) => a.createdOn.localeCompare(b.createdOn) || a.ref.localeCompare(b.ref));
