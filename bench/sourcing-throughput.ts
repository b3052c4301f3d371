import {
  DEFAULT_SOURCING_PROFILE,
  planFulfilments,
  type SourcingLocation,
  type SourcingRequest,
  type AvailableStock,
} from '../shared/domain/sourcing/sourcing';
import { median, type BenchResult } from './report';
import { seededRandom } from '../scripts/seeded-random';


/** Roughly Great Britain. */
const COUNTRY = { south: 50.3, north: 55.8, west: -4.5, east: 1.4 };
const SKUS = ['SKU-TEE', 'SKU-JEANS', 'SKU-SOCKS', 'SKU-SOFA', 'SKU-GIFTCARD'];
const [TEE, JEANS, SOCKS, SOFA, GIFT] = SKUS;
/** The network sizes measured; the first keeps the goal the benchmark always had. */
const SIZES = [200, 1_000, 2_000, 5_000];
const GOALS: Record<number, number> = { 200: 16_700, 2_000: 10_000 };
/** Decisions per run at 200 locations; larger networks run fewer, so the group stays well under a minute. */
const DECISIONS_AT_200 = 20_000;

/**
 * `size` locations over the country, a tenth of them warehouses (200: 180 stores and 20
 * warehouses), 5 SKUs at each (5 positions per location). The sofa is kept
 * only in warehouses and the store-exclusive gift card only in stores, so an order with both needs a
 * split; stores carry little, and safety stock leaves some positions at 0. Positions come grouped by
 * SKU, as a query per SKU returns them.
 */
export const sourcingNetwork = (size = 200, random = seededRandom(42)) => {
  const stores = Math.round(size * 0.9);
  const at = () => ({
    lat: COUNTRY.south + random() * (COUNTRY.north - COUNTRY.south),
    lon: COUNTRY.west + random() * (COUNTRY.east - COUNTRY.west),
  });
  const locations: SourcingLocation[] = [];
  const stockBySku = new Map<string, AvailableStock[]>(SKUS.map((skuRef) => [skuRef, []]));
  for (let i = 0; i < size; i++) {
    const warehouse = i >= stores;
    const ref = warehouse ? `WH-${i - stores}` : `STORE-${i}`;
    locations.push({ ref, type: warehouse ? 'WAREHOUSE' : 'STORE', ...at(), status: i % 37 === 5 ? 'INACTIVE' : 'ACTIVE' });
    const some = (max: number, share: number) => (random() < share ? Math.floor(random() * (max + 1)) : 0);
    const stock: Record<string, number> = warehouse
      ? { [TEE]: 50 + some(400, 1), [JEANS]: some(300, 0.9), [SOCKS]: 100 + some(900, 1), [SOFA]: some(40, 0.8), [GIFT]: 0 }
      : { [TEE]: some(6, 0.8), [JEANS]: some(4, 0.7), [SOCKS]: some(10, 0.8), [SOFA]: 0, [GIFT]: some(3, 0.5) };
    for (const skuRef of SKUS) stockBySku.get(skuRef)?.push({ skuRef, locationRef: ref, available: stock[skuRef] });
  }
  return { locations, positions: [...stockBySku.values()].flat(), stockBySku };
};

/**
 * What planFulfilments is given for one order: the positions of the order's SKUs only, one SKU
 * after another, as `loadSourcingInputs` reads them (one query per SKU). Orders with the same SKUs
 * share one list, built before the clock starts.
 */
const positionsPerRequest = (requests: readonly SourcingRequest[], stockBySku: ReadonlyMap<string, AvailableStock[]>) => {
  const bySkus = new Map<string, AvailableStock[]>();
  return requests.map((request) => {
    const skuRefs = [...new Set(request.lines.map((line) => line.skuRef))];
    const key = skuRefs.join('|');
    let positions = bySkus.get(key);
    if (!positions) {
      positions = skuRefs.flatMap((skuRef) => stockBySku.get(skuRef) ?? []);
      bySkus.set(key, positions);
    }
    return positions;
  });
};

/** Half the orders hold a sofa and a gift card (a split), the rest store-sized baskets. */
export const sourcingRequests = (count: number, random = seededRandom(7)): SourcingRequest[] =>
  Array.from({ length: count }, (_, i) => {
    const lines = [TEE, JEANS, SOCKS]
      .filter(() => random() < 0.5)
      .map((skuRef) => ({ skuRef, qty: 1 + Math.floor(random() * 2) }));
    if (i % 2 === 0) lines.push({ skuRef: SOFA, qty: 1 }, { skuRef: GIFT, qty: 1 });
    else if (lines.length === 0) lines.push({ skuRef: random() < 0.5 ? GIFT : TEE, qty: 1 });
    return {
      type: 'HD',
      lines,
      deliveryPoint: {
        lat: COUNTRY.south + random() * (COUNTRY.north - COUNTRY.south),
        lon: COUNTRY.west + random() * (COUNTRY.east - COUNTRY.west),
      },
    };
  });

/**
 * Sourcing decisions per second of one core on a network of `size` locations: planFulfilments
 * alone, given the stock of the order's SKUs, default profile, HD orders delivered anywhere in the
 * country. An untimed warm-up pass
 * also counts how many need a split. Wall-clock rates decide; CPU-time rates are in the detail for
 * busy machines.
 */
const throughputAt = (size: number, decisions: number, runs: number): BenchResult => {
  const { locations, positions, stockBySku } = sourcingNetwork(size);
  const requests = sourcingRequests(decisions);
  const given = positionsPerRequest(requests, stockBySku);
  let split = 0;
  let unavailable = 0;
  for (let i = 0; i < decisions; i++) {
    const result = planFulfilments(requests[i], DEFAULT_SOURCING_PROFILE, locations, given[i]);
    if (!result.available) unavailable++;
    else if (result.plans[0].splitCount > 1) split++;
  }
  const rates: number[] = [];
  const cpuRates: number[] = [];
  let plans = 0;
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (let i = 0; i < decisions; i++) plans += planFulfilments(requests[i], DEFAULT_SOURCING_PROFILE, locations, given[i]).plans.length;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const { user, system } = process.cpuUsage(cpu);
    rates.push(decisions / seconds);
    cpuRates.push(decisions / ((user + system) / 1e6));
  }
  const value = Math.round(median(rates));
  const goal = GOALS[size];
  return {
    name: `sourcing decisions/s, in-process, 5 SKUs x ${size.toLocaleString('en')} locations (one core)`,
    value,
    unit: 'decisions/s',
    ...(goal === undefined ? {} : { goal: `>= ${goal}`, met: value >= goal }),
    detail: {
      decisionsPerRun: decisions,
      runs,
      rates: rates.map(Math.round),
      cpuRates: cpuRates.map(Math.round),
      locations: locations.length,
      positions: positions.length,
      positionsPerDecision: given.reduce((sum, list) => sum + list.length, 0) / decisions,
      splitShare: split / decisions,
      unavailableShare: unavailable / decisions,
      plansPerDecision: plans / (decisions * runs),
    },
  };
};

/** The curve: one result per network size, 200 to 5,000 locations. */
export async function sourcingThroughput(runs = 5): Promise<BenchResult[]> {
  return SIZES.map((size) => throughputAt(size, Math.round((DECISIONS_AT_200 * 200) / size / 100) * 100, runs));
}
