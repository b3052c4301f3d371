import {
  RANKING_CRITERIA,
  distanceKm,
  planFulfilments,
  type FulfilmentPlan,
  type RankingCriterion,
  type SourcingLocation,
  type SourcingProfile,
  type SourcingRequest,
  type AvailableStock,
} from '../../../../shared/domain/sourcing/sourcing';
import { seededRandom } from '../../../../scripts/seeded-random';


interface Case {
  request: SourcingRequest;
  profile: SourcingProfile;
  locations: SourcingLocation[];
  positions: AvailableStock[];
}

const SKUS = ['S1', 'S2', 'S3', 'S4'];

const randomCase = (random: () => number, maxSplit: number): Case => {
  const int = (max: number) => Math.floor(random() * (max + 1));
  const locations: SourcingLocation[] = Array.from({ length: 3 + int(6) }, (_, i) => ({
    ref: `L${i}`,
    type: random() < 0.7 ? 'STORE' : 'WAREHOUSE',
    lat: 50 + random() * 4,
    lon: -3 + random() * 4,
    status: random() < 0.9 ? 'ACTIVE' : 'INACTIVE',
  }));
  const positions = locations.flatMap((l) => SKUS.filter(() => random() < 0.6).map((skuRef) => ({ skuRef, locationRef: l.ref, available: int(3) })));
  const skus = SKUS.filter(() => random() < 0.6);
  const lines = (skus.length ? skus : ['S1']).map((skuRef) => ({ skuRef, qty: 1 + int(2) }));
  const ranking = [...RANKING_CRITERIA].sort(() => random() - 0.5);
  const locationTypes: SourcingProfile['locationTypes'] = random() < 0.8 ? ['STORE', 'WAREHOUSE'] : ['STORE'];
  return {
    request: { type: 'HD', lines, deliveryPoint: { lat: 50 + random() * 4, lon: -3 + random() * 4 } },
    profile: { maxSplit, locationTypes, ranking, maxPlans: 1 + int(5) },
    locations,
    positions,
  };
};

/** Every set of up to maxSplit eligible locations, by brute force. */
const enumerate = ({ request, profile, locations, positions }: Case) => {
  const eligible = locations.filter((l) => l.status === 'ACTIVE' && profile.locationTypes.includes(l.type));
  const wanted = new Map<string, number>();
  for (const line of request.lines) wanted.set(line.skuRef, (wanted.get(line.skuRef) ?? 0) + line.qty);
  const stockAt = new Map<string, number>();
  for (const p of positions) stockAt.set(`${p.locationRef}/${p.skuRef}`, (stockAt.get(`${p.locationRef}/${p.skuRef}`) ?? 0) + p.available);
  const have = (ref: string, sku: string) => stockAt.get(`${ref}/${sku}`) ?? 0;
  const units = (set: SourcingLocation[]) =>
    [...wanted].reduce((sum, [sku, qty]) => sum + Math.min(qty, set.reduce((s, l) => s + have(l.ref, sku), 0)), 0);
  const total = [...wanted.values()].reduce((a, b) => a + b, 0);
  const sets: SourcingLocation[][] = [];
  const grow = (from: number, set: SourcingLocation[]) => {
    if (set.length) sets.push(set);
    if (set.length === profile.maxSplit) return;
    for (let i = from; i < eligible.length; i++) grow(i + 1, [...set, eligible[i]]);
  };
  grow(0, []);
  return sets.map((set) => {
    const covered = units(set);
    const distance = set.reduce((sum, l) => sum + distanceKm(request.deliveryPoint ?? l, l), 0);
    const minimal = set.every((l) => units(set.filter((other) => other !== l)) < covered);
    return { set, covered, complete: covered === total, minimal, distance };
  });
};

const keyOf = (splitCount: number, distance: number, criterion: RankingCriterion) =>
  criterion === 'SINGLE_LOCATION' ? (splitCount === 1 ? 0 : 1) : criterion === 'FEWEST_SPLITS' ? splitCount : distance;

const byRanking = (ranking: RankingCriterion[]) => (a: { splitCount: number; distance: number }, b: { splitCount: number; distance: number }) => {
  for (const criterion of ranking) {
    const difference = keyOf(a.splitCount, a.distance, criterion) - keyOf(b.splitCount, b.distance, criterion);
    if (Math.abs(difference) > 1e-9) return difference;
  }
  return 0;
};

/** Every plan ships no more than each location has, and each location once. */
const expectShippable = (plan: FulfilmentPlan, { positions, request }: Case) => {
  const refs = plan.fulfilments.map((f) => f.locationRef);
  expect(new Set(refs).size).toBe(refs.length);
  expect(plan.splitCount).toBe(plan.fulfilments.length);
  expect(plan.totalDistanceKm).toBeCloseTo(
    plan.fulfilments.reduce((sum, f) => sum + f.distanceKm, 0),
    6,
  );
  for (const fulfilment of plan.fulfilments) {
    expect(fulfilment.lines.length).toBeGreaterThan(0);
    for (const line of fulfilment.lines) {
      const has = positions.filter((p) => p.locationRef === fulfilment.locationRef && p.skuRef === line.skuRef).reduce((s, p) => s + p.available, 0);
      expect(line.qty).toBeGreaterThan(0);
      expect(line.qty).toBeLessThanOrEqual(has);
    }
  }
  for (const { skuRef } of request.lines) {
    const requested = request.lines.filter((line) => line.skuRef === skuRef).reduce((s, line) => s + line.qty, 0);
    const shipped = plan.fulfilments.flatMap((f) => f.lines).filter((line) => line.skuRef === skuRef).reduce((s, line) => s + line.qty, 0);
    expect(shipped).toBeLessThanOrEqual(requested);
    if (plan.complete) expect(shipped).toBe(requested);
  }
};

describe('planFulfilments against a brute-force search of small random networks', () => {
  const CASES = 200;

  it.each([1, 2, 3])('with maxSplit %i returns exactly the best complete plans, in ranking order', (maxSplit) => {
    // Prepare
    const random = seededRandom(1000 + maxSplit);
    for (let n = 0; n < CASES; n++) {
      const network = randomCase(random, maxSplit);
      const expected = enumerate(network)
        .filter((s) => s.complete && s.minimal)
        .map((s) => ({ splitCount: s.set.length, distance: s.distance }))
        .sort(byRanking(network.profile.ranking))
        .slice(0, network.profile.maxPlans);

      // Act
      const result = planFulfilments(network.request, network.profile, network.locations, network.positions);

      // Assess
      expect(result.available).toBe(expected.length > 0);
      if (!result.available) continue;
      expect(result.shortfalls).toEqual([]);
      expect(result.plans.map((p) => p.splitCount)).toEqual(expected.map((e) => e.splitCount));
      result.plans.forEach((plan, i) => {
        expect(plan.complete).toBe(true);
        expect(plan.totalDistanceKm).toBeCloseTo(expected[i].distance, 6);
        expectShippable(plan, network);
      });
    }
  });

  it.each([1, 2])('with maxSplit %i and nothing complete returns the plan covering the most units, then the shortest', (maxSplit) => {
    // Prepare
    const random = seededRandom(2000 + maxSplit);
    let checked = 0;
    while (checked < CASES) {
      const network = randomCase(random, maxSplit);
      const sets = enumerate(network);
      if (sets.some((s) => s.complete)) continue;
      checked++;
      const most = Math.max(0, ...sets.map((s) => s.covered));
      const shortest = Math.min(...sets.filter((s) => s.covered === most).map((s) => s.distance));

      // Act
      const result = planFulfilments(network.request, network.profile, network.locations, network.positions);

      // Assess
      expect(result.available).toBe(false);
      if (most === 0) {
        expect(result.plans).toEqual([]);
        continue;
      }
      expect(result.plans).toHaveLength(1);
      const [plan] = result.plans;
      expect(plan.complete).toBe(false);
      expect(plan.fulfilments.flatMap((f) => f.lines).reduce((s, line) => s + line.qty, 0)).toBe(most);
      expect(plan.totalDistanceKm).toBeCloseTo(shortest, 6);
      const lacking = result.shortfalls.reduce((s, shortfall) => s + shortfall.requested - shortfall.available, 0);
      expect(lacking).toBe(network.request.lines.reduce((s, line) => s + line.qty, 0) - most);
      expectShippable(plan, network);
    }
  });

  it.each([3, 4])('with maxSplit %i ranks first a complete plan with the fewest locations whenever one exists', (maxSplit) => {
    // Prepare
    const random = seededRandom(3000 + maxSplit);
    for (let n = 0; n < CASES; n++) {
      const drawn = randomCase(random, maxSplit);
      const network = { ...drawn, profile: { ...drawn.profile, ranking: [...RANKING_CRITERIA] } };
      const complete = enumerate(network).filter((s) => s.complete);

      // Act
      const result = planFulfilments(network.request, network.profile, network.locations, network.positions);

      // Assess
      expect(result.available).toBe(complete.length > 0);
      if (!result.available) continue;
      expect(result.plans[0].splitCount).toBe(Math.min(...complete.map((s) => s.set.length)));
      result.plans.forEach((plan) => expectShippable(plan, network));
    }
  });
});
