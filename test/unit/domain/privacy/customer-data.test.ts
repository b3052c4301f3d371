import { withoutCustomerData } from '../../../../shared/domain/privacy/customer-data';
import { seal } from '../../../../shared/domain/privacy/sealed';

const sealed = seal({ name: 'Ada Lovelace' }, Buffer.alloc(32, 1), 'acme:r1:ORDER:O-1', 'dk1');

describe('withoutCustomerData', () => {
  it('leaves out the customer, the address and the exact coordinates, and rounds the delivery point', () => {
    // Act
    const shown = withoutCustomerData({
      type: 'HD',
      customer: { name: 'Ada Lovelace' },
      deliveryAddress: sealed,
      exactDeliveryPoint: sealed,
      deliveryPoint: { lat: 51.507412, lon: -0.127758 },
    });

    // Assess
    expect(shown).toEqual({ type: 'HD', deliveryPoint: { lat: 51.51, lon: -0.13 } });
  });

  it('leaves out a sealed value wherever it is nested', () => {
    // Act
    const shown = withoutCustomerData({ notes: [sealed, 'fragile'], contact: { who: sealed, when: 'am' } });

    // Assess
    expect(shown).toEqual({ notes: ['fragile'], contact: { when: 'am' } });
  });

  it('leaves out a delivery point that is not a pair of coordinates', () => {
    // Act
    const shown = withoutCustomerData({ deliveryPoint: 'N1 9GU' });

    // Assess
    expect(shown).toEqual({});
  });

  it('passes absent attributes through', () => {
    // Act
    const shown = withoutCustomerData(undefined);

    // Assess
    expect(shown).toBeUndefined();
  });
});
