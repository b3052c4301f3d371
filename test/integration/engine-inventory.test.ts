import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { stockCountItem } from '../../shared/adapters/dynamodb/inventory-items';
import type { Workflow } from '../../shared/engine/workflow';
import { RacingStore, barrierFor, raceCounts, rule, ruleset, stockHarness } from './stock-harness';

const TABLE = `ordo-sandbox-acct-stock-${process.pid}-${Date.now()}`;
const RETAILER = 'R1';
const SUBTYPE = 'STOCK';
const LOCATION = 'DC-1';

/** CREATE → BOOKED with the wanted qty; SOURCE reserves what it can of the event's SKU, or goes NO_STOCK. */
const stockWorkflow = (skuRef: string): Workflow => ({
  retailerId: RETAILER,
  entityType: 'ORDER',
  subtype: `${SUBTYPE}-${skuRef}`,
  statuses: ['CREATED', 'BOOKED', 'RESERVED', 'NO_STOCK', 'CANCELLED', 'SHIPPED'].map((name) => ({ name })),
  rulesets: [
    ruleset('CREATE', [rule('ordo.core.SetAttributes', { fromEvent: ['qty'] }), rule('ordo.core.SetState', { status: 'BOOKED' })]),
    ruleset('SOURCE', [rule('test.stock.ReserveWanted', { skuRef, locationRef: LOCATION })]),
    ruleset('CANCEL', [rule('ordo.core.ReleaseReservations'), rule('ordo.core.SetState', { status: 'CANCELLED' })]),
    ruleset('SHIP', [rule('test.stock.ConsumeHeld'), rule('ordo.core.SetState', { status: 'SHIPPED' })]),
    ruleset('BREAK', [rule('test.stock.ReserveWanted', { skuRef, locationRef: LOCATION }), rule('ordo.core.Fail', { message: 'offline' })]),
  ],
});

const { documents, newEngine, orderEvent, skuWithWorkflow, storedPosition, storedOrder, bookedOrder, createTable, dropTable } =
  stockHarness({ table: TABLE, retailerId: RETAILER, subtype: SUBTYPE, location: LOCATION, workflow: stockWorkflow });

/** A fresh SKU with its own workflow and one position of `onHand` units at DC-1. */
const newSku = async (onHand: number): Promise<string> => {
  const skuRef = await skuWithWorkflow();
  await documents.send(
    new PutCommand({
      TableName: TABLE,
      Item: stockCountItem({ skuRef, locationRef: LOCATION, onHand, safetyStock: 0, updatedOn: new Date().toISOString() }),
    }),
  );
  return skuRef;
};

beforeAll(async () => {
  await createTable();
});

afterAll(async () => {
  await dropTable();
});

describe('Engine inventory over DynamoEngineStore', () => {
  it('lets exactly 10 of 20 concurrent executions reserve the 10 units on hand; the rest take the no-stock path', async () => {
    // Prepare
    const skuRef = await newSku(10);
    const refs = await Promise.all(Array.from({ length: 20 }, () => bookedOrder(skuRef, 1)));
    raceCounts.stockFailures = 0;
    raceCounts.conflicts = 0;
    const barrier = barrierFor(refs.length);

    // Act
    const results = await Promise.all(refs.map((ref) => newEngine(new RacingStore(documents, TABLE, barrier)).process(orderEvent('SOURCE', ref, skuRef))));

    // Assess
    expect(results.every((result) => result.outcome === 'SUCCESS')).toBe(true);
    const orders = await Promise.all(refs.map(storedOrder));
    const reserved = orders.filter((order) => order?.status === 'RESERVED');
    expect(reserved).toHaveLength(10);
    expect(orders.filter((order) => order?.status === 'NO_STOCK')).toHaveLength(10);
    expect(reserved.every((order) => order?.reservations?.[0]?.qty === 1)).toBe(true);
    expect(await storedPosition(skuRef)).toMatchObject({ onHand: 10, reserved: 10, available: 0, safetyStock: 0 });
    // All twenty read 10 available; each of the ten losers failed its commit at least once and re-ran.
    expect(raceCounts.stockFailures + raceCounts.conflicts).toBeGreaterThanOrEqual(10);
    expect(raceCounts.stockFailures).toBeGreaterThan(0);
    // Twenty transactions racing and re-running on a shared machine can take more than jest's 5 s; speed is the benchmark's to judge.
  }, 30_000);

  it('releases on cancel and consumes on ship, keeping available = onHand − reserved − safetyStock', async () => {
    // Prepare
    const skuRef = await newSku(8);
    const [toCancel, toShip] = [await bookedOrder(skuRef, 3), await bookedOrder(skuRef, 2)];
    const engine = newEngine();
    await engine.process(orderEvent('SOURCE', toCancel, skuRef));
    await engine.process(orderEvent('SOURCE', toShip, skuRef));
    const afterReserving = await storedPosition(skuRef);

    // Act
    await engine.process(orderEvent('CANCEL', toCancel, skuRef));
    await engine.process(orderEvent('SHIP', toShip, skuRef));

    // Assess
    expect(afterReserving).toMatchObject({ onHand: 8, reserved: 5, available: 3 });
    expect(await storedPosition(skuRef)).toMatchObject({ onHand: 6, reserved: 0, available: 6 });
    expect(await storedOrder(toCancel)).toMatchObject({ status: 'CANCELLED', reservations: [] });
    expect(await storedOrder(toShip)).toMatchObject({ status: 'SHIPPED', reservations: [] });
  });

  it('leaves the position untouched when a rule fails after a reserve', async () => {
    // Prepare
    const skuRef = await newSku(5);
    const ref = await bookedOrder(skuRef, 2);
    const before = await storedPosition(skuRef);

    // Act
    const result = await newEngine().process(orderEvent('BREAK', ref, skuRef));

    // Assess
    expect(result.outcome).toBe('FAILED');
    expect(await storedPosition(skuRef)).toEqual(before);
    expect((await storedOrder(ref))?.reservations).toBeUndefined();
  });
});
