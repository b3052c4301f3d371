import { DEMO_RETAILER } from './demo-catalog';

/**
 * A few orders for the demo retailer, so a first look at the console or the API finds some: two
 * home deliveries and a click and collect, of SKUs the warehouses and the pickup store carry
 * (demoStock puts SKU-010 in ST-LONDON-OXF).
 */
const customer = (name: string, email: string) => ({ name, email });

export const demoOrders = [
  {
    ref: 'DEMO-HD-1001',
    retailerId: DEMO_RETAILER,
    type: 'HD' as const,
    customer: customer('Grace Hopper', 'grace.hopper@example.com'),
    deliveryAddress: { line1: '10 Chapel Street', city: 'Manchester', postcode: 'M3 5DZ', country: 'GB', lat: 53.4831, lon: -2.2504 },
    lines: [
      { skuRef: 'SKU-001', qty: 2, unitPrice: 19.5, currency: 'GBP' },
      { skuRef: 'SKU-007', qty: 1, unitPrice: 42, currency: 'GBP' },
    ],
  },
  {
    ref: 'DEMO-HD-1002',
    retailerId: DEMO_RETAILER,
    type: 'HD' as const,
    customer: customer('Alan Turing', 'alan.turing@example.com'),
    deliveryAddress: { line1: '4 Kings Parade', city: 'Cambridge', postcode: 'CB2 1SJ', country: 'GB', lat: 52.2043, lon: 0.1177 },
    lines: [{ skuRef: 'SKU-012', qty: 3, unitPrice: 8.25, currency: 'GBP' }],
  },
  {
    ref: 'DEMO-CC-1003',
    retailerId: DEMO_RETAILER,
    type: 'CC' as const,
    customer: customer('Ada Lovelace', 'ada.lovelace@example.com'),
    pickupLocationRef: 'ST-LONDON-OXF',
    lines: [{ skuRef: 'SKU-010', qty: 1, unitPrice: 64.99, currency: 'GBP' }],
  },
];

/** The event that moves a demo HD order's fulfilment on (PICKED, PACKED, SHIPPED), as POST /v1/events/sync takes it. */
export const fulfilmentEvent = (orderRef: string, fulfilmentRef: string, name: string) => ({
  name,
  retailerId: DEMO_RETAILER,
  entityType: 'FULFILMENT',
  entitySubtype: 'HD',
  entityRef: fulfilmentRef,
  rootEntityType: 'ORDER',
  rootEntityRef: orderRef,
});
