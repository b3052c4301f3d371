import { DynamoInventoryCountStore } from '../../shared/adapters/dynamodb/dynamo-inventory-count-store';
import { DynamoStockSummaries } from '../../shared/adapters/dynamodb/dynamo-stock-summaries';
import type { Workflow } from '../../shared/engine/workflow';
import { RacingStore, raceCounts, rule, ruleset, stockHarness } from './stock-harness';

/*
 * The no-oversell guarantee under the heaviest contention a single SKU sees: hundreds of executions reserving one
 * position at once, deciding on figures that are already wrong, while inventory batches replace its count. A file of
 * its own, so it starts on an empty DynamoDB Local (fresh-emulators.ts) whatever ran before it.
 */
jest.setTimeout(180_000);

const TABLE = `ordo-sandbox-acct-race-${process.pid}-${Date.now()}`;
const RETAILER = 'R1';
const SUBTYPE = 'RACE';
const LOCATION = 'DC-1';

/** CREATE → BOOKED with the wanted qty; SOURCE reserves it at DC-1, or goes NO_STOCK. */
const raceWorkflow = (skuRef: string): Workflow => ({
  retailerId: RETAILER,
  entityType: 'ORDER',
  subtype: `${SUBTYPE}-${skuRef}`,
  statuses: ['CREATED', 'BOOKED', 'RESERVED', 'NO_STOCK'].map((name) => ({ name })),
  rulesets: [
    ruleset('CREATE', [rule('ordo.core.SetAttributes', { fromEvent: ['qty'] }), rule('ordo.core.SetState', { status: 'BOOKED' })]),
    ruleset('SOURCE', [rule('test.stock.ReserveWanted', { skuRef, locationRef: LOCATION })]),
  ],
});

const { documents, newEngine, orderEvent, skuWithWorkflow, storedPosition, storedOrder, bookedOrder, createTable, dropTable } = stockHarness({
  table: TABLE,
  retailerId: RETAILER,
  subtype: SUBTYPE,
  location: LOCATION,
  workflow: raceWorkflow,
});
const counts = new DynamoInventoryCountStore(documents, TABLE);

/** A SKU of its own with `onHand` units at DC-1, counted the way an inventory batch counts. */
const skuWithStock = async (onHand: number): Promise<string> => {
  const skuRef = await skuWithWorkflow();
  await counts.putCounts([{ skuRef, locationRef: LOCATION, onHand, safetyStock: 0, updatedOn: new Date().toISOString() }]);
  return skuRef;
};

/** `count` BOOKED orders of one unit each, made fifty at a time. */
const bookedOrders = async (skuRef: string, count: number): Promise<string[]> => {
  const refs: string[] = [];
  while (refs.length < count) refs.push(...(await Promise.all(Array.from({ length: Math.min(50, count - refs.length) }, () => bookedOrder(skuRef, 1)))));
  return refs;
};

const source = (skuRef: string, ref: string) => newEngine(new RacingStore(documents, TABLE, async () => undefined)).process(orderEvent('SOURCE', ref, skuRef));

beforeAll(async () => {
  await createTable();
});

afterAll(async () => {
  await dropTable();
});

describe('reservations racing on one position, on DynamoDB Local', () => {
  it('lets exactly 100 of 500 concurrent one-unit reservations through, every one deciding first on a read model stale from the first commit', async () => {
    // Prepare
    const skuRef = await skuWithStock(100);
    await new DynamoStockSummaries(documents, TABLE).rebuild([skuRef]);
    const refs = await bookedOrders(skuRef, 500);
    raceCounts.stockFailures = 0;

    // Act
    const results = await Promise.all(refs.map((ref) => source(skuRef, ref)));

    // Assess
    expect(results.filter((result) => result.outcome !== 'SUCCESS')).toEqual([]);
    const orders = await Promise.all(refs.map(storedOrder));
    expect(orders.filter((order) => order?.status === 'RESERVED')).toHaveLength(100);
    expect(orders.filter((order) => order?.status === 'NO_STOCK')).toHaveLength(400);
    expect(await storedPosition(skuRef)).toMatchObject({ onHand: 100, reserved: 100, available: 0 });
    // Nothing keeps the summary here, so it counts 100 available throughout: each of the 400 decided on it first, had
    // its commit refused and re-ran on exact stock.
    expect(raceCounts.stockFailures).toBeGreaterThanOrEqual(400);
  });

  it('never holds more reserved than on hand while restock batches replace the count under 300 concurrent reservations', async () => {
    // Prepare
    const skuRef = await skuWithStock(100);
    const refs = await bookedOrders(skuRef, 300);
    const restocks = [110, 120, 130, 140];

    // Act
    const [results] = await Promise.all([
      Promise.all(refs.map((ref) => source(skuRef, ref))),
      (async () => {
        for (const onHand of restocks) {
          await new Promise((settle) => setTimeout(settle, 50));
          await counts.putCounts([{ skuRef, locationRef: LOCATION, onHand, safetyStock: 0, updatedOn: new Date().toISOString() }]);
        }
      })(),
    ]);

    // Assess
    expect(results.filter((result) => result.outcome !== 'SUCCESS')).toEqual([]);
    const position = await storedPosition(skuRef);
    const reservedOrders = (await Promise.all(refs.map(storedOrder))).filter((order) => order?.status === 'RESERVED');
    expect(position?.onHand).toBe(140);
    expect(position?.reserved).toBeLessThanOrEqual(position?.onHand ?? 0);
    // Each unit held is an order's: no reservation was lost or counted twice while the count was replaced under it.
    expect(position?.reserved).toBe(reservedOrders.length);
    // The 100 units there from the start were all taken.
    expect(reservedOrders.length).toBeGreaterThanOrEqual(100);
  });
});
