import { newAccount } from './control-plane-api';
import { LONDON } from '../support/order-builder';
import { RETAILER, ordersApi as api, seedCatalog, type SeedLocation, type SeedStock } from './orders-api';

// Account creation (a new table) and seeding take seconds on DynamoDB Local.
jest.setTimeout(20_000);

/**
 * Around a delivery point in central London (51.5074, -0.1278). Distances by hand, flat-earth
 * (Δlat × 111.2 km, Δlon × 111.2 km × cos 51.5°), which the haversine matches to 0.1 km at this range:
 * Camden ≈ 3.66 km, Croydon ≈ 14.73 km, Reading ≈ 59.2 km, Birmingham ≈ 162.5 km, Manchester ≈ 262.0 km.
 */
const CAMDEN: SeedLocation = { ref: 'CAMDEN', lat: 51.539, lon: -0.1426 };
const CROYDON: SeedLocation = { ref: 'CROYDON', lat: 51.3762, lon: -0.0982 };
const READING: SeedLocation = { ref: 'READING', lat: 51.4543, lon: -0.9781, type: 'WAREHOUSE' };
const BRUM: SeedLocation = { ref: 'BRUM', lat: 52.4862, lon: -1.8904 };
const MANC: SeedLocation = { ref: 'MANC', lat: 53.4808, lon: -2.2426, type: 'WAREHOUSE' };
const LOCATIONS = [CAMDEN, CROYDON, READING, BRUM, MANC];

const account = async (prefix: string, stock: SeedStock[]) => {
  const { apiKey } = await newAccount(prefix);
  await seedCatalog(apiKey, LOCATIONS, stock);
  return apiKey;
};

const hd = (lines: { skuRef: string; qty: number }[], extra: Record<string, unknown> = {}) => ({
  retailerId: RETAILER,
  type: 'HD',
  deliveryPoint: LONDON,
  lines,
  ...extra,
});

type Plan = { fulfilments: { locationRef: string; distanceKm: number; lines: unknown[] }[]; splitCount: number; totalDistanceKm: number };
const locationsOf = (plan: Plan) => plan.fulfilments.map((fulfilment) => fulfilment.locationRef);

/** Camden has the T-shirts only, Croydon the mugs only: nobody nearby has both. */
const splitStock: SeedStock[] = [
  { locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 2 },
  { locationRef: 'CROYDON', skuRef: 'MUG', onHand: 1 },
  { locationRef: 'BRUM', skuRef: 'TEE', onHand: 1 },
];

describe('availability over the API, on DynamoDB Local', () => {
  it('prefers one location holding every line, however far, over a nearer split', async () => {
    // Prepare: Camden + Croydon would cover the order in 18.4 km, Reading alone in 59.2 km.
    const apiKey = await account('avail-single', [
      ...splitStock,
      { locationRef: 'READING', skuRef: 'TEE', onHand: 5 },
      { locationRef: 'READING', skuRef: 'MUG', onHand: 5 },
    ]);

    // Act
    const response = await api.checkAvailability(apiKey, hd([{ skuRef: 'TEE', qty: 2 }, { skuRef: 'MUG', qty: 1 }]));

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.available).toBe(true);
    const [best, next] = response.body.plans as Plan[];
    expect(best).toMatchObject({
      splitCount: 1,
      fulfilments: [{ locationRef: 'READING', lines: [{ skuRef: 'TEE', qty: 2 }, { skuRef: 'MUG', qty: 1 }] }],
    });
    expect(best.fulfilments[0].distanceKm).toBeCloseTo(59.2, 0);
    expect(locationsOf(next)).toEqual(['CAMDEN', 'CROYDON']);
    expect(response.body.shortfalls).toEqual([]);
  });

  it('splits over two locations, nearest first, when no location has every line', async () => {
    // Prepare
    const apiKey = await account('avail-split', splitStock);

    // Act
    const response = await api.checkAvailability(apiKey, hd([{ skuRef: 'TEE', qty: 2 }, { skuRef: 'MUG', qty: 1 }]));

    // Assess
    expect(response.body.available).toBe(true);
    const [best] = response.body.plans as Plan[];
    expect(best.splitCount).toBe(2);
    expect(best.fulfilments).toEqual([
      { locationRef: 'CAMDEN', distanceKm: expect.closeTo(3.66, 1), lines: [{ skuRef: 'TEE', qty: 2 }] },
      { locationRef: 'CROYDON', distanceKm: expect.closeTo(14.73, 1), lines: [{ skuRef: 'MUG', qty: 1 }] },
    ]);
    expect(best.totalDistanceKm).toBeCloseTo(18.39, 1);
  });

  it('answers available false with a shortfall naming the SKU when the order needs a split and maxSplit is 1', async () => {
    // Prepare
    const apiKey = await account('avail-maxsplit', splitStock);

    // Act
    const response = await api.checkAvailability(apiKey, hd([{ skuRef: 'TEE', qty: 2 }, { skuRef: 'MUG', qty: 1 }], { maxSplit: 1 }));

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.available).toBe(false);
    expect(response.body.shortfalls).toEqual([{ skuRef: 'MUG', requested: 1, available: 0 }]);
    expect((response.body.plans as Plan[]).map(locationsOf)).toEqual([['CAMDEN']]);
  });

  it('does not offer a position whose whole count is safety stock', async () => {
    // Prepare: Camden's 5 are all safety stock; Birmingham has 1 to give.
    const apiKey = await account('avail-safety', [
      { locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 5, safetyStock: 5 },
      { locationRef: 'BRUM', skuRef: 'TEE', onHand: 1 },
    ]);

    // Act
    const one = await api.checkAvailability(apiKey, hd([{ skuRef: 'TEE', qty: 1 }]));
    const two = await api.checkAvailability(apiKey, hd([{ skuRef: 'TEE', qty: 2 }]));

    // Assess
    expect(one.body.available).toBe(true);
    expect((one.body.plans as Plan[]).map(locationsOf)).toEqual([['BRUM']]);
    expect(two.body).toMatchObject({ available: false, shortfalls: [{ skuRef: 'TEE', requested: 2, available: 1 }] });
  });

  it('sources a CC request only from its pickup location, even when another location has the stock', async () => {
    // Prepare
    const apiKey = await account('avail-cc', [
      { locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 50 },
      { locationRef: 'CROYDON', skuRef: 'TEE', onHand: 1 },
    ]);
    const cc = (qty: number) => ({ retailerId: RETAILER, type: 'CC', pickupLocationRef: 'CROYDON', lines: [{ skuRef: 'TEE', qty }] });

    // Act
    const one = await api.checkAvailability(apiKey, cc(1));
    const two = await api.checkAvailability(apiKey, cc(2));

    // Assess
    expect(one.body.available).toBe(true);
    expect(one.body.plans).toEqual([
      { fulfilments: [{ locationRef: 'CROYDON', distanceKm: 0, lines: [{ skuRef: 'TEE', qty: 1 }] }], splitCount: 1, totalDistanceKm: 0 },
    ]);
    expect(two.body.available).toBe(false);
    expect(two.body.shortfalls).toEqual([{ skuRef: 'TEE', requested: 2, available: 1 }]);
    expect(JSON.stringify(two.body.plans)).not.toContain('CAMDEN');
  });

  it('refuses a CC request without pickupLocationRef with 400 naming it', async () => {
    // Prepare
    const apiKey = await account('avail-cc-400', []);

    // Act
    const response = await api.checkAvailability(apiKey, { retailerId: RETAILER, type: 'CC', lines: [{ skuRef: 'TEE', qty: 1 }] });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('pickupLocationRef');
  });

  it('refuses an HD request without deliveryPoint with 400 naming it', async () => {
    // Prepare
    const apiKey = await account('avail-hd-400', []);

    // Act
    const response = await api.checkAvailability(apiKey, { retailerId: RETAILER, type: 'HD', lines: [{ skuRef: 'TEE', qty: 1 }] });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('deliveryPoint');
  });

  describe('sourcing profile', () => {
    const warehousesOnly = {
      maxSplit: 1,
      locationTypes: ['WAREHOUSE'],
      ranking: ['SHORTEST_DISTANCE', 'SINGLE_LOCATION', 'FEWEST_SPLITS'],
    };
    /** Every location holds 3 T-shirts; the stores are the nearest. */
    const everywhere: SeedStock[] = LOCATIONS.map((location) => ({ locationRef: location.ref, skuRef: 'TEE', onHand: 3 }));

    it('sources from warehouses only, one location at most, once the retailer profile says so', async () => {
      // Prepare
      const apiKey = await account('profile-put', everywhere);
      const request = hd([{ skuRef: 'TEE', qty: 5 }]);
      const before = await api.checkAvailability(apiKey, request);

      // Act
      const put = await api.putSourcingProfile(apiKey, RETAILER, warehousesOnly);
      const after = await api.checkAvailability(apiKey, request);

      // Assess
      expect(put.status).toBe(200);
      expect(before.body.available).toBe(true);
      expect(locationsOf(before.body.plans[0])).toEqual(['CAMDEN', 'CROYDON']);
      expect(after.body.available).toBe(false);
      expect(after.body.shortfalls).toEqual([{ skuRef: 'TEE', requested: 5, available: 3 }]);
      expect((after.body.plans as Plan[]).map(locationsOf)).toEqual([['READING']]);
      const small = await api.checkAvailability(apiKey, hd([{ skuRef: 'TEE', qty: 2 }]));
      expect((small.body.plans as Plan[]).map(locationsOf)).toEqual([['READING'], ['MANC']]);
    });

    it('returns the stored profile, and the default one for a retailer without its own', async () => {
      // Prepare
      const apiKey = await account('profile-get', []);
      await api.putSourcingProfile(apiKey, RETAILER, warehousesOnly);

      // Act
      const stored = await api.getSourcingProfile(apiKey, RETAILER);
      const other = await api.getSourcingProfile(apiKey, 'another-retailer');

      // Assess
      expect(stored.status).toBe(200);
      expect(stored.body).toEqual({ retailerId: RETAILER, ...warehousesOnly, isDefault: false });
      expect(other.body).toMatchObject({ retailerId: 'another-retailer', maxSplit: 3, isDefault: true });
    });

    it('refuses a profile whose ranking repeats a criterion with 400 naming ranking, and keeps the old one', async () => {
      // Prepare
      const apiKey = await account('profile-400', []);
      await api.putSourcingProfile(apiKey, RETAILER, warehousesOnly);

      // Act
      const response = await api.putSourcingProfile(apiKey, RETAILER, {
        ...warehousesOnly,
        ranking: ['SHORTEST_DISTANCE', 'SHORTEST_DISTANCE', 'FEWEST_SPLITS'],
      });

      // Assess
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe('ranking');
      expect((await api.getSourcingProfile(apiKey, RETAILER)).body).toMatchObject({ ranking: warehousesOnly.ranking, isDefault: false });
    });
  });
});
