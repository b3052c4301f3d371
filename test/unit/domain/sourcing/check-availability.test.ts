import { checkAvailability, type AvailabilityInput } from '../../../../shared/domain/sourcing/check-availability';
import { TwoReadInventory, positionOf, sourcingData } from '../../../support/sourcing-data';

/** Two units of TEE delivered near the test locations (see InMemoryLocationStore). */
const request: AvailabilityInput = {
  retailerId: 'r1',
  type: 'HD',
  lines: [{ skuRef: 'TEE', qty: 2 }],
  deliveryPoint: { lat: 51.51, lon: -0.12 },
};

describe('checkAvailability, reading the availability read model', () => {
  it('answers available when the summary lags behind a restock the exact read sees', async () => {
    // Prepare
    const stock = new TwoReadInventory({ summary: [positionOf('TEE', 'S1', 0)], exact: [positionOf('TEE', 'S1', 5)] });

    // Act
    const answer = await checkAvailability(request, {}, sourcingData(stock, ['S1']));

    // Assess
    expect(answer.available).toBe(true);
    expect(answer.plans[0].fulfilments).toEqual([expect.objectContaining({ locationRef: 'S1', lines: [{ skuRef: 'TEE', qty: 2 }] })]);
    expect(stock.reads).toEqual(['summary', 'exact']);
  });

  it('answers from the summary alone when it has the stock', async () => {
    // Prepare
    const stock = new TwoReadInventory({ summary: [positionOf('TEE', 'S1', 5)], exact: [positionOf('TEE', 'S1', 5)] });

    // Act
    const answer = await checkAvailability(request, {}, sourcingData(stock, ['S1']));

    // Assess
    expect(answer.available).toBe(true);
    expect(stock.reads).toEqual(['summary']);
  });

  it('answers not available with the shortfall the exact read gives, not the summary', async () => {
    // Prepare
    const stock = new TwoReadInventory({ summary: [positionOf('TEE', 'S1', 0)], exact: [positionOf('TEE', 'S1', 1)] });

    // Act
    const answer = await checkAvailability(request, {}, sourcingData(stock, ['S1']));

    // Assess
    expect(answer.available).toBe(false);
    expect(answer.shortfalls).toEqual([{ skuRef: 'TEE', requested: 2, available: 1 }]);
    expect(stock.reads).toEqual(['summary', 'exact']);
  });
});
