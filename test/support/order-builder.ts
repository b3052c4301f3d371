import type { OrderInput } from '../../shared/domain/orders/order-input';
import type { Entity } from '../../shared/engine/engine-model';

export type OrderLine = OrderInput['lines'][number];

/** A line as a test names it: the price is only given where the test cares about it. */
export type LineSpec = Pick<OrderLine, 'skuRef' | 'qty'> & Partial<Pick<OrderLine, 'unitPrice' | 'currency'>>;

/** The retailer an order is for unless the test names another. */
export const ORDER_RETAILER = 'shop';

/** London, where the HD orders go unless told otherwise. */
export const LONDON = { lat: 51.5074, lon: -0.1278 };

export const orderCustomer = { name: 'Ada Lovelace', email: 'ada.lovelace@example.com' };

export const londonAddress = { line1: '12 Analytical Row', city: 'London', postcode: 'N1 9GU', country: 'GB', ...LONDON };

/** Lines at 12.50 GBP a unit, unless a line gives its own price. */
export const orderLines = (lines: LineSpec[]): OrderLine[] =>
  lines.map((line) => ({ ...line, unitPrice: line.unitPrice ?? 12.5, currency: line.currency ?? 'GBP' }));

/** The body of POST /v1/orders: an HD order O-1 of one TEE to London for ORDER_RETAILER, with any field replaced. */
export const anOrder = (overrides: Partial<OrderInput> = {}): OrderInput => ({
  ref: 'O-1',
  retailerId: ORDER_RETAILER,
  type: 'HD',
  customer: orderCustomer,
  deliveryAddress: londonAddress,
  lines: orderLines([{ skuRef: 'TEE', qty: 1 }]),
  ...overrides,
});

/** An HD order of these lines, delivered in London unless `deliveryPoint` moves it. */
export const hdOrder = (
  ref: string,
  lines: LineSpec[],
  extra: { retailerId?: string; deliveryPoint?: { lat: number; lon: number } } = {},
): OrderInput =>
  anOrder({
    ref,
    retailerId: extra.retailerId ?? ORDER_RETAILER,
    deliveryAddress: { ...londonAddress, ...(extra.deliveryPoint ?? LONDON) },
    lines: orderLines(lines),
  });

/** A click-and-collect order of these lines, picked up at `pickupLocationRef`. */
export const ccOrder = (ref: string, pickupLocationRef: string, lines: LineSpec[], retailerId = ORDER_RETAILER): OrderInput => {
  const { deliveryAddress: _none, ...order } = anOrder({ ref, retailerId, type: 'CC', pickupLocationRef, lines: orderLines(lines) });
  return order;
};

/** An ORDER root as the engine stores it (HD, workflow version 1, just created), for tests that write entities directly. */
export const anOrderEntity = (ref: string, overrides: Partial<Entity> = {}): Entity => ({
  retailerId: ORDER_RETAILER,
  entityType: 'ORDER',
  subtype: 'HD',
  ref,
  id: `id-${ref}`,
  status: 'CREATED',
  attributes: {},
  workflowRef: 'ORDER::HD',
  workflowVersion: 1,
  version: 1,
  rootEntityType: 'ORDER',
  rootRef: ref,
  createdOn: '2025-03-01T10:00:00.000Z',
  updatedOn: '2025-03-01T10:00:00.000Z',
  ...overrides,
});
