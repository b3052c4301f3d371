import { orderView } from '../../../../shared/domain/orders/order-view';
import type { CustomerAccess } from '../../../../shared/domain/privacy/customer-access';
import { sealCustomerData } from '../../../../shared/domain/privacy/customer-data';
import { orderSealer } from '../../../../shared/domain/privacy/order-sealing';
import type { Entity } from '../../../../shared/engine/engine-model';
import { FixedDataKeys } from '../../../support/data-keys';
import { storedEntity } from '../orchestration/fixtures';

const keys = new FixedDataKeys();
const customer = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+441234567890' };
const address = { line1: '12 Analytical Row', city: 'London', postcode: 'N1 9GU', country: 'GB' };

const entity = (attributes: unknown): Entity =>
  storedEntity({ retailerId: 'r1', id: 'id-1', status: 'CREATED', attributes: attributes as Record<string, unknown> });

const access = (unmasked: boolean): CustomerAccess => ({ accountId: 'acme', keys, unmasked });

const sealedOrder = async () => {
  const seal = await orderSealer({ accountId: 'acme', retailerId: 'r1', ref: 'O-1' }, keys);
  return entity(sealCustomerData({ type: 'HD', lines: [], customer, deliveryAddress: { ...address, lat: 51.507412, lon: -0.127758 } }, seal));
};

describe('orderView', () => {
  it('shows a caller with CUSTOMER_READ the customer, the address and the exact coordinates', async () => {
    // Act
    const view = await orderView(await sealedOrder(), [], access(true));

    // Assess
    expect(view.customer).toEqual(customer);
    expect(view.deliveryAddress).toEqual({ ...address, lat: 51.507412, lon: -0.127758 });
  });

  it('shows a caller without CUSTOMER_READ the customer and the address masked, the coordinates rounded', async () => {
    // Act
    const view = await orderView(await sealedOrder(), [], access(false));

    // Assess
    expect(view.customer).toEqual({ name: 'A*** L***', email: 'a***@example.com', phone: '+44*******890' });
    expect(view.deliveryAddress).toEqual({ line1: '1*** A*** R***', city: 'London', postcode: 'N*** 9***', country: 'GB', lat: 51.51, lon: -0.13 });
  });

  it('masks customer data stored in clear, as an earlier Event API CREATE left it', async () => {
    // Act
    const view = await orderView(entity({ type: 'HD', lines: [], customer, deliveryAddress: address }), [], access(false));

    // Assess
    expect(view.customer).toEqual({ name: 'A*** L***', email: 'a***@example.com', phone: '+44*******890' });
    expect(JSON.stringify(view)).not.toContain('Lovelace');
  });

  it.each([
    ['no attributes at all', undefined],
    ['attributes that are a string', 'garbage'],
    ['lines that are not a list', { lines: 'three tees' }],
    ['a customer that is a number', { customer: 42 }],
    ['an address that is a list', { deliveryAddress: ['12 Analytical Row'] }],
    ['a delivery point without numbers', { deliveryPoint: { lat: 'north', lon: null } }],
    ['a sealed customer that does not open', { customer: { v: 1, alg: 'A256GCM', kid: 'dk1', iv: 'AAAA', tag: 'AAAA', data: 'AAAA' } }],
    ['a sealed value with fields that are not text', { customer: { v: 1, alg: 'A256GCM', iv: 7, tag: null, data: {} } }],
  ])('answers for an order with %s instead of failing', async (_case, attributes) => {
    // Act
    const view = await orderView(entity(attributes), [], access(true));

    // Assess
    expect(view).toMatchObject({ ref: 'O-1', status: 'CREATED', lines: [], fulfilments: [] });
    expect(view).not.toHaveProperty('customer');
  });
});
