import { planFulfilments } from '../../../../shared/domain/sourcing/sourcing';
import { HOME, KM_PER_DEGREE, homeDelivery, location, profile, refsOf, shipments, stock } from './fixtures';

describe('planFulfilments, home delivery', () => {
  it('ranks a single location that has everything above a nearer pair', () => {
    // Prepare
    const locations = [location('A', 0.1), location('B', 0.2), location('FAR', 1)];
    const positions = [...stock('A', { TEE: 1 }), ...stock('B', { SOCKS: 1 }), ...stock('FAR', { TEE: 1, SOCKS: 1 })];

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 1, SOCKS: 1 }), profile(), locations, positions);

    // Assess
    expect(result.available).toBe(true);
    expect(result.plans.map(refsOf)).toEqual([['FAR'], ['A', 'B']]);
    expect(result.plans[0]).toMatchObject({ splitCount: 1, complete: true });
    expect(result.plans[0].totalDistanceKm).toBeCloseTo(KM_PER_DEGREE, 6);
    expect(result.shortfalls).toEqual([]);
  });

  it('splits over two locations when none has everything, the nearest pair first', () => {
    // Prepare
    const locations = [location('A', 0.1), location('B', 0.2), location('C', 0.3), location('D', 0.5)];
    const positions = [
      ...stock('A', { TEE: 2 }),
      ...stock('B', { SOCKS: 1 }),
      ...stock('C', { TEE: 2 }),
      ...stock('D', { SOCKS: 1 }),
    ];

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 2, SOCKS: 1 }), profile(), locations, positions);

    // Assess
    expect(result.available).toBe(true);
    expect(result.plans.map(refsOf)).toEqual([
      ['A', 'B'],
      ['B', 'C'],
      ['A', 'D'],
      ['C', 'D'],
    ]);
    expect(shipments(result.plans[0])).toEqual({ A: { TEE: 2 }, B: { SOCKS: 1 } });
    expect(result.plans[0]).toMatchObject({ splitCount: 2, complete: true });
    expect(result.plans[0].totalDistanceKm).toBeCloseTo(0.3 * KM_PER_DEGREE, 6);
    expect(result.plans[0].fulfilments.map((f) => f.distanceKm)).toEqual([
      expect.closeTo(0.1 * KM_PER_DEGREE, 6),
      expect.closeTo(0.2 * KM_PER_DEGREE, 6),
    ]);
  });

  it('reports a shortfall naming the SKU and quantities when the order needs more locations than maxSplit', () => {
    // Prepare
    const locations = [location('A', 0.1), location('B', 0.2), location('C', 0.3)];
    const positions = [...stock('A', { TEE: 5 }), ...stock('B', { SOCKS: 5 }), ...stock('C', { CAP: 5 })];

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 2, SOCKS: 2, CAP: 3 }), profile({ maxSplit: 2 }), locations, positions);

    // Assess
    expect(result.available).toBe(false);
    expect(result.shortfalls).toEqual([{ skuRef: 'SOCKS', requested: 2, available: 0 }]);
    expect(result.plans).toHaveLength(1);
    expect(result.plans[0]).toMatchObject({ complete: false, splitCount: 2 });
    expect(shipments(result.plans[0])).toEqual({ A: { TEE: 2 }, C: { CAP: 3 } });
  });

  it("lets the request's maxSplit override the profile's", () => {
    // Prepare
    const locations = [location('A', 0.1), location('B', 0.2), location('C', 0.3)];
    const positions = [...stock('A', { TEE: 5 }), ...stock('B', { SOCKS: 5 }), ...stock('C', { CAP: 5 })];
    const request = homeDelivery({ TEE: 2, SOCKS: 2, CAP: 3 }, { maxSplit: 3 });

    // Act
    const result = planFulfilments(request, profile({ maxSplit: 2 }), locations, positions);

    // Assess
    expect(result.available).toBe(true);
    expect(result.plans.map(refsOf)).toEqual([['A', 'B', 'C']]);
  });

  it('never uses a position whose available stock is 0 after safety stock', () => {
    // Prepare
    const locations = [location('NEAR', 0.1), location('FAR', 0.5)];
    const positions = [...stock('NEAR', { TEE: 0, SOCKS: 4 }), ...stock('FAR', { TEE: 3 })];

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 1 }), profile(), locations, positions);

    // Assess
    expect(result.plans.map(refsOf)).toEqual([['FAR']]);
  });

  it('ignores INACTIVE locations', () => {
    // Prepare
    const locations = [location('CLOSED', 0.1, { status: 'INACTIVE' }), location('OPEN', 0.5)];
    const positions = [...stock('CLOSED', { TEE: 9 }), ...stock('OPEN', { TEE: 1 })];

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 1 }), profile(), locations, positions);

    // Assess
    expect(result.plans.map(refsOf)).toEqual([['OPEN']]);
  });

  it("ignores locations of a type the profile leaves out", () => {
    // Prepare
    const locations = [location('DC', 0.1, { type: 'WAREHOUSE' }), location('SHOP', 0.5)];
    const positions = [...stock('DC', { TEE: 9 }), ...stock('SHOP', { TEE: 1 })];

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 1 }), profile({ locationTypes: ['STORE'] }), locations, positions);

    // Assess
    expect(result.plans.map(refsOf)).toEqual([['SHOP']]);
  });

  it('ignores stock at locations it was not given', () => {
    // Prepare
    const locations = [location('SHOP', 0.5)];
    const positions = [...stock('ELSEWHERE', { TEE: 9 }), ...stock('SHOP', { TEE: 1 })];

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 1 }), profile(), locations, positions);

    // Assess
    expect(result.plans.map(refsOf)).toEqual([['SHOP']]);
  });

  it('prefers a near two-location split over a far single location when the ranking puts distance first', () => {
    // Prepare
    const locations = [location('A', 0.1), location('B', 0.2), location('FAR', 1)];
    const positions = [...stock('A', { TEE: 1 }), ...stock('B', { SOCKS: 1 }), ...stock('FAR', { TEE: 1, SOCKS: 1 })];
    const distanceFirst = profile({ ranking: ['SHORTEST_DISTANCE', 'SINGLE_LOCATION', 'FEWEST_SPLITS'] });

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 1, SOCKS: 1 }), distanceFirst, locations, positions);

    // Assess
    expect(result.plans.map(refsOf)).toEqual([['A', 'B'], ['FAR']]);
  });

  it('prefers a two-location plan over a nearer three-location plan when fewest splits comes before distance', () => {
    // Prepare
    const locations = [location('A', 0.1), location('B', 0.2), location('C', 0.3), location('X', 1), location('Y', 1.1)];
    const positions = [
      ...stock('A', { TEE: 1 }),
      ...stock('B', { SOCKS: 1 }),
      ...stock('C', { CAP: 1 }),
      ...stock('X', { TEE: 1, SOCKS: 1 }),
      ...stock('Y', { CAP: 1 }),
    ];

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 1, SOCKS: 1, CAP: 1 }), profile(), locations, positions);

    // Assess
    expect(result.plans.map(refsOf).slice(0, 3)).toEqual([
      ['C', 'X'],
      ['X', 'Y'],
      ['A', 'B', 'C'],
    ]);
  });

  it('sums lines of the same SKU', () => {
    // Prepare
    const locations = [location('SMALL', 0.1), location('BIG', 0.5)];
    const positions = [...stock('SMALL', { TEE: 2 }), ...stock('BIG', { TEE: 3 })];
    const request = { ...homeDelivery({}), lines: [{ skuRef: 'TEE', qty: 2 }, { skuRef: 'TEE', qty: 1 }] };

    // Act
    const result = planFulfilments(request, profile(), locations, positions);

    // Assess
    expect(result.plans.map(refsOf)).toEqual([['BIG']]);
    expect(shipments(result.plans[0])).toEqual({ BIG: { TEE: 3 } });
  });

  it('splits the quantity of one line over two locations when neither has all of it', () => {
    // Prepare
    const locations = [location('A', 0.1), location('B', 0.2)];
    const positions = [...stock('A', { TEE: 3 }), ...stock('B', { TEE: 4 })];

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 5 }), profile(), locations, positions);

    // Assess
    expect(result.available).toBe(true);
    expect(shipments(result.plans[0])).toEqual({ A: { TEE: 1 }, B: { TEE: 4 } });
  });

  it('keeps each line whole at one location of a split plan when it can', () => {
    // Prepare
    const locations = [location('A', 0.1), location('B', 0.2)];
    const positions = [...stock('A', { TEE: 2, SOCKS: 1 }), ...stock('B', { TEE: 1, SOCKS: 2 })];

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 2, SOCKS: 2 }), profile(), locations, positions);

    // Assess
    expect(shipments(result.plans[0])).toEqual({ A: { TEE: 2 }, B: { SOCKS: 2 } });
  });

  it('returns at most maxPlans plans, each a different location, nearest first', () => {
    // Prepare
    const refs = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6'];
    const locations = refs.map((ref, i) => location(ref, 0.6 - i * 0.1));
    const positions = refs.flatMap((ref) => stock(ref, { TEE: 1 }));

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 1 }), profile({ maxPlans: 3 }), locations, positions);

    // Assess
    expect(result.plans.map(refsOf)).toEqual([['L6'], ['L5'], ['L4']]);
  });

  it('measures from the delivery point', () => {
    // Prepare
    const locations = [location('EAST', 1), location('WEST', -1.5)];
    const positions = [...stock('EAST', { TEE: 1 }), ...stock('WEST', { TEE: 1 })];
    const request = homeDelivery({ TEE: 1 }, { deliveryPoint: { lat: 0, lon: -1 } });

    // Act
    const result = planFulfilments(request, profile(), locations, positions);

    // Assess
    expect(result.plans.map(refsOf)).toEqual([['WEST'], ['EAST']]);
    expect(result.plans[0].totalDistanceKm).toBeCloseTo(0.5 * KM_PER_DEGREE, 6);
  });

  it('counts every distance as 0 without a delivery point, keeping the locations in the order given', () => {
    // Prepare
    const locations = [location('FIRST', 3), location('SECOND', 0.1)];
    const positions = [...stock('FIRST', { TEE: 1 }), ...stock('SECOND', { TEE: 1 })];
    const request = homeDelivery({ TEE: 1 }, { deliveryPoint: undefined });

    // Act
    const result = planFulfilments(request, profile(), locations, positions);

    // Assess
    expect(result.plans.map(refsOf)).toEqual([['FIRST'], ['SECOND']]);
    expect(result.plans.map((plan) => plan.totalDistanceKm)).toEqual([0, 0]);
  });

  it('returns no plan and the whole order as shortfall when nothing is in stock', () => {
    // Prepare
    const locations = [location('A', 0.1)];
    const positions = stock('A', { TEE: 0 });

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 2, SOCKS: 1 }), profile(), locations, positions);

    // Assess
    expect(result).toEqual({
      available: false,
      plans: [],
      shortfalls: [
        { skuRef: 'TEE', requested: 2, available: 0 },
        { skuRef: 'SOCKS', requested: 1, available: 0 },
      ],
    });
  });

  it('offers the partial plan covering the most units when nothing is complete, the shorter among equals', () => {
    // Prepare
    const locations = [location('NEAR', 0.1), location('OTHER', 0.2), location('MORE', 0.9)];
    const positions = [...stock('NEAR', { TEE: 1 }), ...stock('OTHER', { TEE: 1 }), ...stock('MORE', { TEE: 3 })];

    // Act
    const single = planFulfilments(homeDelivery({ TEE: 5 }), profile({ maxSplit: 1 }), locations, positions);
    const pair = planFulfilments(homeDelivery({ TEE: 5 }), profile({ maxSplit: 2 }), locations, positions);

    // Assess
    expect(single.plans.map(refsOf)).toEqual([['MORE']]);
    expect(single.shortfalls).toEqual([{ skuRef: 'TEE', requested: 5, available: 3 }]);
    expect(pair.plans.map(refsOf)).toEqual([['NEAR', 'MORE']]);
    expect(pair.shortfalls).toEqual([{ skuRef: 'TEE', requested: 5, available: 4 }]);
  });
});

describe('planFulfilments, three or more locations', () => {
  it('finds the plan of one location per SKU when each SKU is at one location only', () => {
    // Prepare
    const locations = [location('C', 0.3), location('A', 0.1), location('B', 0.2)];
    const positions = [...stock('A', { TEE: 1 }), ...stock('B', { SOCKS: 1 }), ...stock('C', { CAP: 1 })];

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 1, SOCKS: 1, CAP: 1 }), profile(), locations, positions);

    // Assess
    expect(result.available).toBe(true);
    expect(result.plans.map(refsOf)).toEqual([['A', 'B', 'C']]);
    expect(result.plans[0]).toMatchObject({ splitCount: 3, complete: true });
    expect(result.plans[0].totalDistanceKm).toBeCloseTo(0.6 * KM_PER_DEGREE, 6);
  });

  it('picks the nearest location for each SKU when every SKU is at two', () => {
    // Prepare
    const locations = ['A1:0.1', 'B1:0.2', 'C1:0.3', 'A2:0.5', 'B2:0.6', 'C2:0.7'].map((spec) => {
      const [ref, east] = spec.split(':');
      return location(ref, Number(east));
    });
    const sku = { A: 'TEE', B: 'SOCKS', C: 'CAP' } as Record<string, string>;
    const positions = locations.flatMap((l) => stock(l.ref, { [sku[l.ref[0]]]: 1 }));

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 1, SOCKS: 1, CAP: 1 }), profile(), locations, positions);

    // Assess
    expect(refsOf(result.plans[0])).toEqual(['A1', 'B1', 'C1']);
  });

  it('finds three well-stocked locations rather than piling up near small ones', () => {
    // Prepare
    const skus = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];
    const small = skus.map((sku, i) => ({ location: location(`SMALL-${sku}`, 0.1 * (i + 1)), positions: stock(`SMALL-${sku}`, { [sku]: 1 }) }));
    const locations = [...small.map((s) => s.location), location('X', 1), location('Y', 1.1), location('Z', 1.2)];
    const positions = [
      ...small.flatMap((s) => s.positions),
      ...stock('X', { S1: 1, S2: 1 }),
      ...stock('Y', { S3: 1, S4: 1 }),
      ...stock('Z', { S5: 1, S6: 1 }),
    ];
    const order = Object.fromEntries(skus.map((sku) => [sku, 1]));

    // Act
    const result = planFulfilments(homeDelivery(order), profile({ maxSplit: 3 }), locations, positions);

    // Assess
    expect(result.available).toBe(true);
    expect(result.plans.map(refsOf)).toEqual([['X', 'Y', 'Z']]);
  });

  it('finds a three-location plan that adding the location covering the most units would miss', () => {
    // Prepare
    const locations = [location('X', 0.05), location('SOCKS', 0.1), location('CAPS', 0.15), location('B', 0.2), location('A', 0.3)];
    const positions = [
      ...stock('X', { SOCKS: 2, CAP: 1 }),
      ...stock('SOCKS', { SOCKS: 3 }),
      ...stock('CAPS', { CAP: 3 }),
      ...stock('B', { TEE: 1, CAP: 2 }),
      ...stock('A', { TEE: 1, CAP: 1 }),
    ];

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 2, SOCKS: 3, CAP: 3 }), profile({ maxSplit: 3 }), locations, positions);

    // Assess
    expect(result.available).toBe(true);
    expect(result.plans.map(refsOf)).toEqual([['SOCKS', 'B', 'A']]);
    expect(shipments(result.plans[0])).toEqual({ SOCKS: { SOCKS: 3 }, B: { TEE: 1, CAP: 2 }, A: { TEE: 1, CAP: 1 } });
  });

  it('leaves out a location the plan does not need', () => {
    // Prepare
    const locations = [location('A', 0.1), location('B', 0.2), location('C', 0.3)];
    const positions = [...stock('A', { TEE: 1 }), ...stock('B', { SOCKS: 1, CAP: 1 }), ...stock('C', { CAP: 1, TEE: 1 })];

    // Act
    const result = planFulfilments(homeDelivery({ TEE: 1, SOCKS: 1, CAP: 1 }), profile(), locations, positions);

    // Assess
    expect(result.plans.map(refsOf)).toEqual([
      ['A', 'B'],
      ['B', 'C'],
    ]);
  });
});

describe('planFulfilments, click and collect', () => {
  const collect = (lines: Record<string, number>, pickupLocationRef = 'PICKUP') => ({
    ...homeDelivery(lines),
    type: 'CC' as const,
    pickupLocationRef,
  });

  it('uses only the pickup location, at distance 0, even when a nearer location has the stock', () => {
    // Prepare
    const locations = [location('NEAR', 0.1), location('PICKUP', 2)];
    const positions = [...stock('NEAR', { TEE: 9 }), ...stock('PICKUP', { TEE: 1 })];

    // Act
    const result = planFulfilments(collect({ TEE: 1 }), profile(), locations, positions);

    // Assess
    expect(result.available).toBe(true);
    expect(result.plans).toEqual([
      {
        fulfilments: [{ locationRef: 'PICKUP', distanceKm: 0, lines: [{ skuRef: 'TEE', qty: 1 }] }],
        splitCount: 1,
        totalDistanceKm: 0,
        complete: true,
      },
    ]);
  });

  it('is unavailable when the pickup location lacks a line, with the partial plan and what it lacks', () => {
    // Prepare
    const locations = [location('NEAR', 0.1), location('PICKUP', 2)];
    const positions = [...stock('NEAR', { TEE: 9, SOCKS: 9 }), ...stock('PICKUP', { TEE: 1, SOCKS: 0 })];

    // Act
    const result = planFulfilments(collect({ TEE: 2, SOCKS: 1 }), profile(), locations, positions);

    // Assess
    expect(result.available).toBe(false);
    expect(result.plans.map(refsOf)).toEqual([['PICKUP']]);
    expect(result.plans[0]).toMatchObject({ complete: false, splitCount: 1 });
    expect(shipments(result.plans[0])).toEqual({ PICKUP: { TEE: 1 } });
    expect(result.shortfalls).toEqual([
      { skuRef: 'TEE', requested: 2, available: 1 },
      { skuRef: 'SOCKS', requested: 1, available: 0 },
    ]);
  });

  it('returns no plan when the pickup location has none of the order', () => {
    // Prepare
    const locations = [location('NEAR', 0.1), location('PICKUP', 2)];
    const positions = stock('NEAR', { TEE: 9 });

    // Act
    const result = planFulfilments(collect({ TEE: 1 }), profile(), locations, positions);

    // Assess
    expect(result).toEqual({ available: false, plans: [], shortfalls: [{ skuRef: 'TEE', requested: 1, available: 0 }] });
  });

  it('is unavailable when the pickup location is INACTIVE', () => {
    // Prepare
    const locations = [location('PICKUP', 2, { status: 'INACTIVE' })];
    const positions = stock('PICKUP', { TEE: 9 });

    // Act
    const result = planFulfilments(collect({ TEE: 1 }), profile(), locations, positions);

    // Assess
    expect(result.available).toBe(false);
    expect(result.plans).toEqual([]);
  });

  it('is unavailable without a pickup location', () => {
    // Prepare
    const locations = [location('PICKUP', 2)];
    const positions = stock('PICKUP', { TEE: 9 });
    const request = { ...collect({ TEE: 1 }), pickupLocationRef: undefined, deliveryPoint: HOME };

    // Act
    const result = planFulfilments(request, profile(), locations, positions);

    // Assess
    expect(result.available).toBe(false);
  });
});
