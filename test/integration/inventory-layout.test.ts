import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { writeAll } from '../../shared/adapters/dynamodb/batch-writer';
import { DynamoEngineStore } from '../../shared/adapters/dynamodb/dynamo-engine-store';
import { stockCountItem, stockCountKey } from '../../shared/adapters/dynamodb/inventory-items';
import { DynamoInventoryStore } from '../../shared/adapters/dynamodb/dynamo-inventory-store';
import { InsufficientStockError, VersionConflictError } from '../../shared/engine/engine-errors';
import type { StockPosition, UnitOfWork } from '../../shared/engine/engine-model';
import type { Workflow } from '../../shared/engine/workflow';
import { barrierFor, rule, ruleset, stockHarness } from './stock-harness';

const TABLE = `ordo-sandbox-acct-layout-${process.pid}-${Date.now()}`;
const RETAILER = 'R1';
const SUBTYPE = 'LAYOUT';
const LOCATION = 'DC-1';

/**
 * CREATE → BOOKED with the wanted qty; SOURCE reserves what it reads as available (or NO_STOCK);
 * GRAB reserves one unit without reading; PEEK records what a rule reads; CANCEL releases.
 */
const layoutWorkflow = (skuRef: string): Workflow => ({
  retailerId: RETAILER,
  entityType: 'ORDER',
  subtype: `${SUBTYPE}-${skuRef}`,
  statuses: ['CREATED', 'BOOKED', 'RESERVED', 'NO_STOCK', 'CANCELLED'].map((name) => ({ name })),
  rulesets: [
    ruleset('CREATE', [rule('ordo.core.SetAttributes', { fromEvent: ['qty'] }), rule('ordo.core.SetState', { status: 'BOOKED' })]),
    ruleset('SOURCE', [rule('test.stock.ReserveWanted', { skuRef, locationRef: LOCATION })]),
    ruleset('GRAB', [rule('test.stock.Change', { kind: 'RESERVE_INVENTORY', qty: 1, skuRef, locationRef: LOCATION })]),
    ruleset('PEEK', [rule('test.stock.Record', { skuRef, locationRef: LOCATION })]),
    ruleset('CANCEL', [rule('ordo.core.ReleaseReservations'), rule('ordo.core.SetState', { status: 'CANCELLED' })]),
  ],
});

const { documents, store, newEngine, orderEvent, skuWithWorkflow, storedPosition, storedOrder, bookedOrder, createTable, dropTable } =
  stockHarness({ table: TABLE, retailerId: RETAILER, subtype: SUBTYPE, location: LOCATION, workflow: layoutWorkflow });

/**
 * An engine store that can hold its inventory reads at a barrier, run a write before its first
 * commit or after each successful one (other writers landing mid-execution), and counts the
 * commits that failed on stock or on a conflict.
 */
class HookedStore extends DynamoEngineStore {
  stockFailures = 0;
  conflicts = 0;
  barrier: (() => Promise<void>) | undefined;
  beforeFirstCommit: (() => Promise<void>) | undefined;
  afterCommit: (() => Promise<void>) | undefined;

  constructor() {
    super(documents, TABLE, 30);
  }

  override async positions(skuRefs: string[]): Promise<StockPosition[]> {
    const levels = await super.positions(skuRefs);
    const barrier = this.barrier;
    this.barrier = undefined;
    await barrier?.();
    return levels;
  }

  override async commit(uow: UnitOfWork): Promise<void> {
    const before = this.beforeFirstCommit;
    this.beforeFirstCommit = undefined;
    await before?.();
    try {
      await super.commit(uow);
    } catch (error) {
      if (error instanceof InsufficientStockError) this.stockFailures += 1;
      if (error instanceof VersionConflictError) this.conflicts += 1;
      throw error;
    }
    await this.afterCommit?.();
  }
}

/** Replaces the count item with BatchWriteItem, as a bulk load does: a blind Put, no condition. */
const bulkLoadCount = async (skuRef: string, onHand: number, safetyStock = 0, appliedBy?: string) => {
  await writeAll(documents, TABLE, [
    stockCountItem({ skuRef, locationRef: LOCATION, onHand, safetyStock, updatedOn: new Date().toISOString(), ...(appliedBy ? { appliedBy } : {}) }),
  ]);
};

/** A fresh SKU with its own workflow and a count of `onHand` units at DC-1. */
const newSku = async (onHand: number): Promise<string> => {
  const skuRef = await skuWithWorkflow();
  await bulkLoadCount(skuRef, onHand);
  return skuRef;
};

/** An order of `qty` units that reserved them. */
const reservedOrder = async (skuRef: string, qty: number): Promise<string> => {
  const ref = await bookedOrder(skuRef, qty);
  await newEngine().process(orderEvent('SOURCE', ref, skuRef));
  return ref;
};

beforeAll(async () => {
  await createTable();
});

afterAll(async () => {
  await dropTable();
});

describe('Inventory layout: counts and reservations in separate items', () => {
  describe('a bulk load after reservations', () => {
    it('keeps the reservations when it blind-Puts the count item', async () => {
      // Prepare
      const skuRef = await newSku(10);
      await reservedOrder(skuRef, 3);
      await reservedOrder(skuRef, 2);

      // Act
      await bulkLoadCount(skuRef, 8, 1);

      // Assess
      expect(await storedPosition(skuRef)).toMatchObject({ onHand: 8, reserved: 5, safetyStock: 1 });
    });

    it('lets the rules read available as the new onHand − reserved − safetyStock', async () => {
      // Prepare
      const skuRef = await newSku(10);
      await reservedOrder(skuRef, 5);
      await bulkLoadCount(skuRef, 8, 1);
      const ref = await bookedOrder(skuRef, 1);

      // Act
      await newEngine().process(orderEvent('PEEK', ref, skuRef));

      // Assess
      expect((await storedOrder(ref))?.attributes.seen).toMatchObject({ onHand: 8, reserved: 5, safetyStock: 1, available: 2 });
    });

    it('shows the inventory API the same position, joined from both items', async () => {
      // Prepare
      const skuRef = await newSku(10);
      await reservedOrder(skuRef, 4);
      await bulkLoadCount(skuRef, 6, 1);
      const inventory = new DynamoInventoryStore(documents, TABLE);

      // Act
      const [got, bySku, byLocation] = await Promise.all([
        inventory.get(skuRef, LOCATION),
        inventory.listBySku(skuRef),
        inventory.listByLocation(LOCATION),
      ]);

      // Assess
      const expected = { skuRef, locationRef: LOCATION, onHand: 6, reserved: 4, safetyStock: 1 };
      expect(got).toMatchObject(expected);
      expect(bySku).toEqual([expect.objectContaining(expected)]);
      expect(byLocation.filter((position) => position.skuRef === skuRef)).toEqual([expect.objectContaining(expected)]);
    });
  });

  describe('a recount below the reservations', () => {
    it('sends an order that reads the stock down the no-stock path, reserving nothing', async () => {
      // Prepare
      const skuRef = await newSku(10);
      await reservedOrder(skuRef, 5);
      await bulkLoadCount(skuRef, 3);
      const ref = await bookedOrder(skuRef, 1);

      // Act
      const result = await newEngine().process(orderEvent('SOURCE', ref, skuRef));

      // Assess
      expect(result.outcome).toBe('SUCCESS');
      expect(await storedOrder(ref)).toMatchObject({ status: 'NO_STOCK' });
      expect(await storedPosition(skuRef)).toMatchObject({ onHand: 3, reserved: 5, available: -2 });
    });

    it('refuses a RESERVE that did not read the stock with InsufficientStockError, writing nothing', async () => {
      // Prepare
      const skuRef = await newSku(10);
      await reservedOrder(skuRef, 5);
      await bulkLoadCount(skuRef, 3);
      const ref = await bookedOrder(skuRef, 1);

      // Act
      const processing = newEngine(store, 1).process(orderEvent('GRAB', ref, skuRef));

      // Assess
      await expect(processing).rejects.toBeInstanceOf(InsufficientStockError);
      expect(await storedPosition(skuRef)).toMatchObject({ onHand: 3, reserved: 5 });
      expect((await storedOrder(ref))?.reservations).toBeUndefined();
    });

    it('re-runs a RESERVE decided on the count before a recount that landed before its commit, which then takes only what is left', async () => {
      // Prepare
      const skuRef = await newSku(10);
      await reservedOrder(skuRef, 5);
      const ref = await bookedOrder(skuRef, 3);
      const racing = new HookedStore();
      // The rule reads 5 available and reserves 3; the recount to 6 leaves 1 before the commit.
      racing.beforeFirstCommit = () => bulkLoadCount(skuRef, 6);

      // Act
      const result = await newEngine(racing).process(orderEvent('SOURCE', ref, skuRef));

      // Assess
      expect(result.outcome).toBe('SUCCESS');
      expect(racing.stockFailures).toBe(1);
      expect(await storedOrder(ref)).toMatchObject({ status: 'RESERVED', attributes: { reservedQty: 1 } });
      expect(await storedPosition(skuRef)).toMatchObject({ onHand: 6, reserved: 6, available: 0 });
    });

    it('still releases the reservations of a cancelled order', async () => {
      // Prepare
      const skuRef = await newSku(10);
      const ref = await reservedOrder(skuRef, 5);
      await bulkLoadCount(skuRef, 3);

      // Act
      const result = await newEngine().process(orderEvent('CANCEL', ref, skuRef));

      // Assess
      expect(result.outcome).toBe('SUCCESS');
      expect(await storedOrder(ref)).toMatchObject({ status: 'CANCELLED', reservations: [] });
      expect(await storedPosition(skuRef)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
    });
  });

  describe('concurrent reservations with a bulk load in the middle', () => {
    it('20 executions reserving 1 of 10 units end with exactly 10 reserved while a blind count Put of 10 lands among their commits', async () => {
      // Prepare
      const skuRef = await newSku(10);
      const refs = await Promise.all(Array.from({ length: 20 }, () => bookedOrder(skuRef, 1)));
      const barrier = barrierFor(refs.length);
      const stores = refs.map(() => {
        const racing = new HookedStore();
        racing.barrier = barrier;
        return racing;
      });
      let committed = 0;
      // After the fifth commit the count is loaded again, while the other executions go on committing.
      const afterCommit = async () => {
        committed += 1;
        if (committed === 5) await bulkLoadCount(skuRef, 10, 0, 'bulk-1#0');
      };
      for (const racing of stores) racing.afterCommit = afterCommit;

      // Act
      const results = await Promise.all(refs.map((ref, i) => newEngine(stores[i]).process(orderEvent('SOURCE', ref, skuRef))));

      // Assess
      expect(results.every((result) => result.outcome === 'SUCCESS')).toBe(true);
      const orders = await Promise.all(refs.map(storedOrder));
      expect(orders.filter((order) => order?.status === 'RESERVED')).toHaveLength(10);
      expect(orders.filter((order) => order?.status === 'NO_STOCK')).toHaveLength(10);
      expect(await storedPosition(skuRef)).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
      const { Item: count } = await documents.send(new GetCommand({ TableName: TABLE, Key: stockCountKey(skuRef, LOCATION), ConsistentRead: true }));
      expect(count?.appliedBy).toBe('bulk-1#0');
      expect(stores.reduce((sum, racing) => sum + racing.stockFailures + racing.conflicts, 0)).toBeGreaterThanOrEqual(10);
      // Twenty transactions racing and re-running on a shared machine can take more than jest's 5 s; speed is the benchmark's to judge.
    }, 30_000);
  });
});
