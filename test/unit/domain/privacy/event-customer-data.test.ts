import type { OrdoEvent } from '../../../../shared/engine/engine-model';
import { ValidationError } from '../../../../shared/domain/domain-errors';
import { sealEventCustomerData } from '../../../../shared/domain/privacy/event-customer-data';
import { orderOpener } from '../../../../shared/domain/privacy/order-sealing';
import { isSealed } from '../../../../shared/domain/privacy/sealed';
import { FixedDataKeys } from '../../../support/data-keys';

const customer = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+441234567890' };
const address = { line1: '12 Analytical Row', city: 'London', postcode: 'N1 9GU', country: 'GB' };

const event = (overrides: Partial<OrdoEvent> = {}): OrdoEvent => ({
  id: 'e-1',
  name: 'CREATE',
  retailerId: 'r1',
  entityType: 'ORDER',
  entityRef: 'O-1',
  attributes: { type: 'HD', customer, deliveryAddress: { ...address, lat: 51.507412, lon: -0.127758 } },
  ...overrides,
});

describe('sealEventCustomerData', () => {
  it('seals the customer and the address of an ORDER event, and keeps the coordinates rounded beside them', async () => {
    // Act
    const sealed = await sealEventCustomerData(event(), 'acme', new FixedDataKeys());

    // Assess
    const attributes = sealed.attributes ?? {};
    expect(isSealed(attributes.customer)).toBe(true);
    expect(isSealed(attributes.deliveryAddress)).toBe(true);
    expect(isSealed(attributes.exactDeliveryPoint)).toBe(true);
    expect(attributes.deliveryPoint).toEqual({ lat: 51.51, lon: -0.13 });
    expect(attributes.type).toBe('HD');
    // Whole values: a short one such as 'Ada' can turn up by chance in the base64 of the ciphertext.
    for (const secret of ['Ada Lovelace', 'ada@example.com', '+441234567890', '12 Analytical Row', 'N1 9GU', '51.507412']) {
      expect(JSON.stringify(sealed)).not.toContain(secret);
    }
  });

  it('seals them for the order they belong to, so its view can open them', async () => {
    // Prepare
    const keys = new FixedDataKeys();

    // Act
    const sealed = await sealEventCustomerData(event(), 'acme', keys);

    // Assess
    const attributes = sealed.attributes ?? {};
    const open = await orderOpener({ accountId: 'acme', retailerId: 'r1', ref: 'O-1' }, Object.values(attributes), keys);
    expect(open(attributes.customer)).toEqual(customer);
    expect(open(attributes.deliveryAddress)).toEqual(address);
    expect(open(attributes.exactDeliveryPoint)).toEqual({ lat: 51.507412, lon: -0.127758 });
  });

  it('takes the coordinates from deliveryPoint when the event sends them there', async () => {
    // Act
    const sealed = await sealEventCustomerData(event({ attributes: { deliveryPoint: { lat: 53.80071, lon: -1.54914 } } }), 'acme', new FixedDataKeys());

    // Assess
    expect(sealed.attributes?.deliveryPoint).toEqual({ lat: 53.8, lon: -1.55 });
    expect(isSealed(sealed.attributes?.exactDeliveryPoint)).toBe(true);
  });

  it('leaves an event without customer data as it is', async () => {
    // Prepare
    const plain = event({ name: 'BOOK', attributes: { note: 'fragile' } });

    // Act
    const result = await sealEventCustomerData(plain, 'acme', new FixedDataKeys());

    // Assess
    expect(result).toBe(plain);
  });

  it('refuses customer data on an event of another entity type, naming the field', async () => {
    // Act
    const attempt = sealEventCustomerData(event({ entityType: 'FULFILMENT', attributes: { customer } }), 'acme', new FixedDataKeys());

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ field: 'attributes.customer' });
  });

  it('refuses coordinates out of range, naming the field', async () => {
    // Act
    const attempt = sealEventCustomerData(event({ attributes: { deliveryPoint: { lat: 91, lon: 0 } } }), 'acme', new FixedDataKeys());

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'attributes.deliveryPoint.lat' });
  });

  it('refuses an exactDeliveryPoint sent by the caller, which only Ordo sets', async () => {
    // Act
    const attempt = sealEventCustomerData(event({ attributes: { exactDeliveryPoint: { lat: 1, lon: 1 } } }), 'acme', new FixedDataKeys());

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'attributes.exactDeliveryPoint' });
  });
});

describe('sealEventCustomerData, on customer data of the wrong shape', () => {
  it.each([
    ['an email that is none', { customer: { ...customer, email: 'not-an-email' } }, 'attributes.customer.email'],
    ['a field an order customer does not have', { customer: { ...customer, notes: 'x'.repeat(100_000) } }, 'attributes.customer.notes'],
    ['a postcode past its length', { deliveryAddress: { ...address, postcode: 'P'.repeat(200) } }, 'attributes.deliveryAddress.postcode'],
  ])('refuses %s with a 400 naming the field, before any data key is fetched', async (_what, attributes, field) => {
    // Prepare
    const keys = new FixedDataKeys();
    const currentKey = jest.spyOn(keys, 'currentKey');

    // Act
    const sealed = sealEventCustomerData(event({ attributes }), 'acme', keys);

    // Assess
    await expect(sealed).rejects.toBeInstanceOf(ValidationError);
    await expect(sealed).rejects.toMatchObject({ field });
    expect(currentKey).not.toHaveBeenCalled();
  });
});
