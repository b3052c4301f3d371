import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { invoke } from '../test/support/api-gateway-event';
import { seededRandom } from '../scripts/seeded-random';
import type { BenchEnvironment } from './bench-environment';
import { median, percentile, type BenchResult } from './report';

const RETAILER = 'bench-retail';
const SKUS = ['SKU-A', 'SKU-B', 'SKU-C', 'SKU-D', 'SKU-E'];
/** The network sizes of the curve; the first is the base the others are compared with. */
export const NETWORK_SIZES = [200, 1_000, 2_000, 5_000];

/** `count` locations over Great Britain, one in ten a warehouse, each stocking the 5 SKUs, some not at all. */
const networkOf = (count: number) => {
  const random = seededRandom(count);
  return Array.from({ length: count }, (_, i) => ({
    ref: `LOC-${String(i).padStart(4, '0')}`,
    lat: 50.2 + random() * 5.6,
    lon: -4.8 + random() * 6.4,
    type: i % 10 === 0 ? 'WAREHOUSE' : 'STORE',
  }));
};

const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
};

/** In parallel, `width` at a time: loading thousands of locations one by one would take minutes. */
const inWaves = async <T>(items: readonly T[], width: number, run: (item: T) => Promise<unknown>) => {
  for (let start = 0; start < items.length; start += width) await Promise.all(items.slice(start, start + width).map(run));
};

export interface CurvePoint {
  locations: number;
  p50: number;
  p99: number;
  /** One GetItem of a small item on the same emulator: its floor. */
  getItemP99: number;
}

/**
 * POST /v1/availability at the handler, 5 SKUs, `size` locations, on DynamoDB Local: an account with its
 * locations created through the API, its counts bulk-loaded and the read model rebuilt, as after an
 * initial inventory load. Then one GetItem's p99 on the same emulator. Each size runs on an emulator of
 * its own: piled into one, the data of the networks measured before slows the reads of the next, which
 * separate tables in DynamoDB never do.
 */
export const availabilityAt = async ({ newAccount }: BenchEnvironment, size: number, samples = 300): Promise<CurvePoint> => {
  const { handler: putLocation } = await import('../functions/locations/put-location');
  const { handler: checkAvailability } = await import('../functions/availability/check-availability');
  const { documentClient } = await import('../shared/composition/dynamodb-clients');
  const { writeAll } = await import('../shared/adapters/dynamodb/batch-writer');
  const { stockCountItem, stockCountKey } = await import('../shared/adapters/dynamodb/inventory-items');
  const { DynamoStockSummaries } = await import('../shared/adapters/dynamodb/dynamo-stock-summaries');
  const { accountTableName } = await import('../shared/domain/accounts/account-table');
  const client = documentClient();

  const accountId = `bench-avail-${size}`;
  const apiKey = await newAccount(accountId);
  const tableName = accountTableName(process.env.ORDO_STAGE ?? 'bench', accountId);
  const locations = networkOf(size);
  await inWaves(locations, 10, async ({ ref, ...location }) => {
    const reply = await invoke(putLocation, { method: 'PUT', resource: '/v1/locations/{ref}', pathParameters: { ref }, apiKey, body: { ...location, name: ref } });
    if (reply.status >= 300) throw new Error(`location ${ref}: ${reply.raw}`);
  });
  const updatedOn = new Date().toISOString();
  const counts = locations.flatMap((location, i) =>
    SKUS.map((skuRef, s) => stockCountItem({ skuRef, locationRef: location.ref, onHand: (i * 7 + s * 3) % 5 === 0 ? 0 : 3 + ((i + s) % 20), safetyStock: 0, updatedOn })),
  );
  await writeAll(client, tableName, counts);
  await new DynamoStockSummaries(client, tableName).rebuild(SKUS);

  const ask = (i: number) =>
    invoke(checkAvailability, {
      method: 'POST',
      resource: '/v1/availability',
      apiKey,
      body: {
        retailerId: RETAILER,
        type: 'HD',
        lines: SKUS.map((skuRef, s) => ({ skuRef, qty: 1 + ((i + s) % 4) })),
        deliveryPoint: { lat: 50.5 + (i % 50) / 10, lon: -4 + (i % 60) / 10 },
      },
    });
  for (let i = 0; i < 100; i++) await ask(i); // warm: caches and JIT, as on a busy container
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    let reply: Awaited<ReturnType<typeof ask>> | undefined;
    latencies.push(await timed(async () => (reply = await ask(i))));
    if (reply?.status !== 200) throw new Error(`availability at ${size} locations, ${i}: ${reply?.raw}`);
  }
  const getItem: number[] = [];
  for (let i = 0; i < samples; i++) {
    getItem.push(await timed(() => client.send(new GetCommand({ TableName: tableName, Key: stockCountKey(SKUS[i % 5], 'LOC-0001'), ConsistentRead: true }))));
  }
  const point = { locations: size, p50: median(latencies), p99: percentile(latencies, 99), getItemP99: percentile(getItem, 99) };
  console.log(`  ${size} locations: p50 ${point.p50.toFixed(1)} ms, p99 ${point.p99.toFixed(1)} ms (one GetItem's p99 ${point.getItemP99.toFixed(1)} ms)`);
  return point;
};

/** The curve's rows, each size against the first, with the goals. */
export const availabilityRows = (curve: readonly CurvePoint[], samples = 300): BenchResult[] => {
  const [base] = curve;
  return curve.map(({ locations, p50, p99, getItemP99 }): BenchResult => {
    const detail = { p50, samples, ratioToBase: p99 / base.p99, getItemP99 };
    const name = `availability at the handler, 5 SKUs x ${locations} locations, DynamoDB Local, p99`;
    if (locations === base.locations) {
      const met = p99 <= 25 || p99 <= 1.2 * getItemP99;
      return { name, value: p99, unit: 'ms', goal: `<= 25, or <= 1.2x one GetItem's p99 (${(1.2 * getItemP99).toFixed(1)})`, met, detail };
    }
    const allowed = locations >= 5_000 ? 2 : locations >= 2_000 ? 1.5 : undefined;
    if (allowed === undefined) return { name, value: p99, unit: 'ms', detail };
    return { name, value: p99, unit: 'ms', goal: `<= ${allowed}x the p99 at ${base.locations} (${(allowed * base.p99).toFixed(1)})`, met: p99 <= allowed * base.p99, detail };
  });
};
