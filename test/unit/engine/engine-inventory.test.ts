import * as z from 'zod';
import { InsufficientStockError } from '../../../shared/engine/engine-errors';
import { InMemoryEngineStore } from '../../../shared/engine/in-memory-store';
import type { Entity, StockPosition, UnitOfWork } from '../../../shared/engine/engine-model';
import type { StockRead } from '../../../shared/engine/engine-store';
import type { Ruleset } from '../../../shared/engine/workflow';
import { createCoreRegistry } from '../../../shared/engine/rules/core/core-rules';
import { orderEvent, orderOf, testEngine } from './fixtures/engine';
import {
  LOC,
  SKU,
  change,
  registerStockRules,
  stockWorkflow,
} from './fixtures/inventory';
import { rule, ruleset, setState } from './fixtures/workflows';

/** An in-memory store that counts loads, can hold inventory reads, and can sneak in a write before a commit. */
class StockStore extends InMemoryEngineStore {
  loads = 0;
  /** Every stored level of the position after each commit. */
  readonly history: StockPosition[] = [];
  beforeNextCommit: (() => void) | undefined;
  private held = 0;
  private open: () => void = () => undefined;
  private opened: Promise<void> = Promise.resolve();

  /** The next `count` inventory reads wait until all of them have read. */
  holdReads(count: number): void {
    this.held = count;
    this.opened = new Promise((resolve) => (this.open = resolve));
  }

  override async loadRoot(retailerId: string, rootEntityType: string, rootRef: string): Promise<Entity[]> {
    this.loads += 1;
    return super.loadRoot(retailerId, rootEntityType, rootRef);
  }

  /** How each inventory read asked to read. */
  readonly reads: (StockRead | undefined)[] = [];

  override async positions(skuRefs: string[], read?: StockRead): Promise<StockPosition[]> {
    this.reads.push(read);
    const levels = await super.positions(skuRefs);
    if (this.held > 0) {
      this.held -= 1;
      if (this.held === 0) this.open();
      await this.opened;
    }
    return levels;
  }

  override async commit(uow: UnitOfWork): Promise<void> {
    const sneak = this.beforeNextCommit;
    this.beforeNextCommit = undefined;
    sneak?.();
    await super.commit(uow);
    const level = this.getPosition(SKU, LOC);
    if (level) this.history.push(level);
  }
}

interface StockEngineOptions {
  store?: StockStore;
  maxConflictRetries?: number;
  safetyStock?: number;
  /** Added to stockWorkflow's rulesets. */
  rulesets?: Ruleset[];
}

/** An engine over a StockStore holding stockWorkflow (plus `rulesets`) and the position SKU-1 at DC-1. */
const stockEngine = (onHand: number, options: StockEngineOptions = {}) => {
  const store = options.store ?? new StockStore();
  store.putPosition({ skuRef: SKU, locationRef: LOC, onHand, safetyStock: options.safetyStock });
  const registry = registerStockRules(createCoreRegistry());
  const workflow = stockWorkflow({ rulesets: [...stockWorkflow().rulesets, ...(options.rulesets ?? [])] });
  const harness = testEngine([workflow], { store, registry, maxConflictRetries: options.maxConflictRetries });
  return { ...harness, store };
};

/** An order O-<ref> for `qty` units, BOOKED. */
const bookOrder = async (engine: ReturnType<typeof stockEngine>['engine'], ref: string, qty: number) => {
  await engine.process(orderEvent('CREATE', { entityRef: ref, attributes: { qty } }));
};

describe('Engine inventory: reserving', () => {
  it('commits a reservation within availability, lowering available and recording it on the order', async () => {
    // Prepare
    const { engine, store } = stockEngine(10, { safetyStock: 2 });
    await bookOrder(engine, 'O-1', 3);
    const source = orderEvent('SOURCE');

    // Act
    const result = await engine.process(source);

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(result.unitOfWork?.inventory).toEqual([
      { skuRef: SKU, locationRef: LOC, kind: 'RESERVE', qty: 3, seen: { onHand: 10, reserved: 0, safetyStock: 2 } },
    ]);
    expect(store.getPosition(SKU, LOC)).toMatchObject({ onHand: 10, reserved: 3, safetyStock: 2, available: 5 });
    expect(orderOf(store)).toMatchObject({ status: 'RESERVED', reservations: [{ skuRef: SKU, locationRef: LOC, qty: 3 }], version: 2 });
    expect(store.auditOf(source.id).find((record) => record.kind === 'INVENTORY')).toMatchObject({
      name: 'RESERVE',
      entityType: 'ORDER',
      entityRef: 'O-1',
      props: { skuRef: SKU, locationRef: LOC, kind: 'RESERVE', qty: 3 },
    });
  });

  it('takes the no-stock path when nothing is available, reserving nothing', async () => {
    // Prepare
    const { engine, store } = stockEngine(2, { safetyStock: 2 });
    await bookOrder(engine, 'O-1', 1);

    // Act
    const result = await engine.process(orderEvent('SOURCE'));

    // Assess
    expect(result.unitOfWork?.inventory).toEqual([]);
    expect(orderOf(store)).toMatchObject({ status: 'NO_STOCK' });
    expect(orderOf(store)?.reservations).toBeUndefined();
    expect(store.getPosition(SKU, LOC)).toMatchObject({ reserved: 0, available: 0 });
  });

  it('re-runs from a fresh load when the stock went between read and commit, and the rule then takes what is left', async () => {
    // Prepare
    const { engine, store } = stockEngine(5);
    await bookOrder(engine, 'O-1', 4);
    store.loads = 0;
    store.beforeNextCommit = () => store.putPosition({ skuRef: SKU, locationRef: LOC, onHand: 5, reserved: 3 });

    // Act
    const result = await engine.process(orderEvent('SOURCE'));

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(store.loads).toBe(2);
    expect(orderOf(store)).toMatchObject({ status: 'RESERVED', attributes: { reservedQty: 2 } });
    expect(store.getPosition(SKU, LOC)).toMatchObject({ onHand: 5, reserved: 5, available: 0 });
  });

  it('takes the no-stock path on the re-run when the last units went to someone else meanwhile', async () => {
    // Prepare
    const { engine, store } = stockEngine(1);
    await bookOrder(engine, 'O-1', 1);
    store.beforeNextCommit = () => store.putPosition({ skuRef: SKU, locationRef: LOC, onHand: 1, reserved: 1 });

    // Act
    const result = await engine.process(orderEvent('SOURCE'));

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(orderOf(store)).toMatchObject({ status: 'NO_STOCK' });
    expect(orderOf(store)?.reservations).toBeUndefined();
  });

  it('reads stock from the read model on the first run and exactly on the re-run after a refused reservation', async () => {
    // Prepare
    const { engine, store } = stockEngine(1);
    await bookOrder(engine, 'O-1', 1);
    store.reads.length = 0;
    store.beforeNextCommit = () => store.putPosition({ skuRef: SKU, locationRef: LOC, onHand: 1, reserved: 1 });

    // Act
    await engine.process(orderEvent('SOURCE'));

    // Assess
    expect(store.reads).toEqual(['summary', 'exact']);
  });

  it('gives up with InsufficientStockError after maxConflictRetries re-runs, writing nothing', async () => {
    // Prepare
    const { engine, store } = stockEngine(3, { maxConflictRetries: 2, rulesets: [ruleset('GRAB', [change('RESERVE_INVENTORY', 5)])] });
    await bookOrder(engine, 'O-9', 1);
    store.loads = 0;
    const before = orderOf(store, 'O-9');
    const grab = orderEvent('GRAB', { entityRef: 'O-9' });

    // Act
    const processing = engine.process(grab);

    // Assess
    await expect(processing).rejects.toBeInstanceOf(InsufficientStockError);
    await expect(processing).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK', skuRef: SKU, locationRef: LOC });
    expect(store.loads).toBe(3);
    expect(await store.getEvent('R1', grab.id)).toBeUndefined();
    expect(orderOf(store, 'O-9')).toBe(before);
    expect(store.getPosition(SKU, LOC)).toMatchObject({ reserved: 0, available: 3 });
  });

  it('lets a later rule read the stock with the reservation of an earlier rule applied', async () => {
    // Prepare
    const { engine, store } = stockEngine(10, {
      rulesets: [ruleset('PEEK', [change('RESERVE_INVENTORY', 4), { name: 'test.stock.Record' }])],
    });
    await bookOrder(engine, 'O-1', 1);

    // Act
    await engine.process(orderEvent('PEEK'));

    // Assess
    expect(orderOf(store)?.attributes.seen).toMatchObject({ onHand: 10, reserved: 4, available: 6 });
    expect(store.getPosition(SKU, LOC)).toMatchObject({ reserved: 4, available: 6 });
  });
});

describe('Engine inventory: the figures a change was decided on', () => {
  it('gives a RESERVE after a rule read the stock the committed figures read, not the ones with pending changes applied', async () => {
    // Prepare
    const { engine, store } = stockEngine(10, {
      rulesets: [ruleset('TOPUP', [change('RESERVE_INVENTORY', 4), { name: 'test.stock.Record' }, change('RESERVE_INVENTORY', 2)])],
    });
    store.putPosition({ skuRef: SKU, locationRef: LOC, onHand: 10, reserved: 1, safetyStock: 1 });
    await bookOrder(engine, 'O-1', 1);

    // Act
    const result = await engine.process(orderEvent('TOPUP'));

    // Assess
    // The rule in between saw the pending reserve of 4 applied (reserved 5); the change carries what was committed.
    expect(orderOf(store)?.attributes.seen).toMatchObject({ reserved: 5, available: 4 });
    expect(result.unitOfWork?.inventory[1]?.seen).toEqual({ onHand: 10, reserved: 1, safetyStock: 1 });
  });

  it('gives no figures to a change made before any rule read the stock', async () => {
    // Prepare
    const { engine } = stockEngine(10, { rulesets: [ruleset('GRAB', [change('RESERVE_INVENTORY', 2)])] });
    await bookOrder(engine, 'O-1', 1);

    // Act
    const result = await engine.process(orderEvent('GRAB'));

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(result.unitOfWork?.inventory).toEqual([{ skuRef: SKU, locationRef: LOC, kind: 'RESERVE', qty: 2 }]);
  });

  it('gives a RELEASE after a rule read the stock the committed figures too', async () => {
    // Prepare
    const { engine } = stockEngine(10, {
      rulesets: [ruleset('RECHECK', [{ name: 'test.stock.Record' }, rule('ReleaseReservations')])],
    });
    await bookOrder(engine, 'O-1', 3);
    await engine.process(orderEvent('SOURCE'));

    // Act
    const result = await engine.process(orderEvent('RECHECK'));

    // Assess
    expect(result.unitOfWork?.inventory).toEqual([
      { skuRef: SKU, locationRef: LOC, kind: 'RELEASE', qty: 3, seen: { onHand: 10, reserved: 3, safetyStock: 0 } },
    ]);
  });
});

describe('Engine inventory: releasing and consuming', () => {
  const reservedOrder = async (onHand: number, qty: number, rulesets: Ruleset[] = []) => {
    const harness = stockEngine(onHand, { rulesets });
    await bookOrder(harness.engine, 'O-1', qty);
    await harness.engine.process(orderEvent('SOURCE'));
    return harness;
  };

  it('releases every reservation the order holds on cancel (ordo.core.ReleaseReservations)', async () => {
    // Prepare
    const { engine, store } = await reservedOrder(10, 4);
    const cancel = orderEvent('CANCEL');

    // Act
    const result = await engine.process(cancel);

    // Assess
    expect(result.unitOfWork?.inventory).toEqual([{ skuRef: SKU, locationRef: LOC, kind: 'RELEASE', qty: 4, reason: 'cancelled' }]);
    expect(store.getPosition(SKU, LOC)).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    expect(orderOf(store)).toMatchObject({ status: 'CANCELLED', reservations: [] });
    expect(store.auditOf(cancel.id).find((record) => record.kind === 'INVENTORY')?.props).toEqual({
      skuRef: SKU,
      locationRef: LOC,
      kind: 'RELEASE',
      qty: 4,
      reason: 'cancelled',
    });
  });

  it('consumes the reservation on ship: onHand and reserved go down, available stays', async () => {
    // Prepare
    const { engine, store } = await reservedOrder(10, 4);

    // Act
    const result = await engine.process(orderEvent('SHIP'));

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(store.getPosition(SKU, LOC)).toMatchObject({ onHand: 6, reserved: 0, available: 6 });
    expect(orderOf(store)).toMatchObject({ status: 'SHIPPED', reservations: [] });
  });

  it('restocks returned units in the execution: onHand and available go up, no reservation changes', async () => {
    // Prepare
    const { engine, store } = await reservedOrder(10, 4, [ruleset('RETURNED', [change('RESTOCK_INVENTORY', 2)])]);

    // Act
    const result = await engine.process(orderEvent('RETURNED'));

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(store.getPosition(SKU, LOC)).toMatchObject({ onHand: 12, reserved: 4, available: 8 });
    expect(orderOf(store)?.reservations).toEqual([{ skuRef: SKU, locationRef: LOC, qty: 4 }]);
  });

  it('releases nothing on a second cancel: the order no longer holds any reservation', async () => {
    // Prepare
    const { engine, store } = await reservedOrder(10, 4);
    await engine.process(orderEvent('CANCEL'));

    // Act
    const again = await engine.process(orderEvent('CANCEL'));

    // Assess
    expect(again.unitOfWork?.inventory).toEqual([]);
    expect(store.getPosition(SKU, LOC)).toMatchObject({ reserved: 0, available: 10 });
  });

  it('fails a release of more than the entity holds, changing nothing', async () => {
    // Prepare
    const { engine, store } = await reservedOrder(10, 2, [ruleset('OVER', [change('RELEASE_INVENTORY', 3)])]);

    // Act
    const result = await engine.process(orderEvent('OVER'));

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'NOT_RESERVED' } });
    expect(result.error?.message).toContain('ORDER O-1 holds 2');
    expect(store.getPosition(SKU, LOC)).toMatchObject({ reserved: 2, available: 8 });
  });

  it('fails a change whose qty is not a positive whole number', async () => {
    // Prepare
    const { engine, store } = stockEngine(10, { rulesets: [ruleset('ODD', [change('RESERVE_INVENTORY', 1.5)])] });
    await bookOrder(engine, 'O-1', 1);

    // Act
    const result = await engine.process(orderEvent('ODD'));

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'INVALID_INVENTORY_CHANGE' } });
    expect(store.getPosition(SKU, LOC)).toMatchObject({ reserved: 0 });
  });

  it('keeps the reservation on the entity named as holder, e.g. a fulfilment created in the same run', async () => {
    // Prepare
    const { engine, store, registry } = stockEngine(10, { rulesets: [ruleset('FULFIL', [{ name: 'test.stock.Fulfil' }])] });
    registry.register({
      name: 'test.stock.Fulfil',
      props: z.strictObject({}),
      run: () => [
        { type: 'CREATE_ENTITY', entity: { entityType: 'FULFILMENT', subtype: 'HD', ref: 'F-1' } },
        { type: 'RESERVE_INVENTORY', skuRef: SKU, locationRef: LOC, qty: 2, holder: { entityType: 'FULFILMENT', entityRef: 'F-1' } },
      ],
    });
    await bookOrder(engine, 'O-1', 1);

    // Act
    await engine.process(orderEvent('FULFIL'));

    // Assess
    expect(store.getEntity('R1', 'FULFILMENT', 'F-1', { rootEntityType: 'ORDER', rootRef: 'O-1' })?.reservations).toEqual([
      { skuRef: SKU, locationRef: LOC, qty: 2 },
    ]);
    expect(orderOf(store)?.reservations).toBeUndefined();
    expect(store.getPosition(SKU, LOC)).toMatchObject({ reserved: 2 });
  });
});

describe('Engine inventory: atomicity', () => {
  it('leaves inventory untouched when a rule fails after a reserve', async () => {
    // Prepare
    const { engine, store } = stockEngine(10);
    await bookOrder(engine, 'O-1', 3);
    const before = orderOf(store);

    // Act
    const result = await engine.process(orderEvent('BREAK'));

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { message: 'warehouse offline' } });
    expect(result.unitOfWork?.inventory).toEqual([]);
    expect(store.getPosition(SKU, LOC)).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    expect(orderOf(store)).toBe(before);
  });

  it('keeps the inventory changes of an EXCEPTION ruleset, and only those', async () => {
    // Prepare
    const { engine, store } = stockEngine(10, {
      rulesets: [ruleset('BREAK', [change('RESERVE_INVENTORY', 1), setState('NO_STOCK')], { eventType: 'EXCEPTION' })],
    });
    // The NORMAL ruleset reserves 3, then fails.
    await bookOrder(engine, 'O-1', 3);

    // Act
    const result = await engine.process(orderEvent('BREAK'));

    // Assess
    expect(result.outcome).toBe('FAILED');
    expect(result.unitOfWork?.inventory).toEqual([{ skuRef: SKU, locationRef: LOC, kind: 'RESERVE', qty: 1 }]);
    expect(store.getPosition(SKU, LOC)).toMatchObject({ reserved: 1, available: 9 });
  });

  it('merges a reserve of 3 and a release of 1 on one position into one change that needs only 2 available', async () => {
    // Prepare
    const { engine, store } = stockEngine(2, {
      rulesets: [ruleset('SWAP', [change('RESERVE_INVENTORY', 3), change('RELEASE_INVENTORY', 1)])],
    });
    await bookOrder(engine, 'O-1', 1);

    // Act
    const result = await engine.process(orderEvent('SWAP'));

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(result.unitOfWork?.inventory.map((c) => [c.kind, c.qty])).toEqual([
      ['RESERVE', 3],
      ['RELEASE', 1],
    ]);
    expect(store.getPosition(SKU, LOC)).toMatchObject({ onHand: 2, reserved: 2, available: 0 });
    expect(orderOf(store)?.reservations).toEqual([{ skuRef: SKU, locationRef: LOC, qty: 2 }]);
  });
});

describe('Engine inventory: concurrent executions', () => {
  it('two engines that both read 5 available and want 3 each end with exactly 5 reserved, never more than onHand', async () => {
    // Prepare
    const first = stockEngine(5);
    const { store } = first;
    const second = testEngine([], { store, registry: first.registry });
    await bookOrder(first.engine, 'O-1', 3);
    await bookOrder(first.engine, 'O-2', 3);
    store.history.length = 0;
    store.loads = 0;
    store.holdReads(2);

    // Act
    const results = await Promise.all([
      first.engine.process(orderEvent('SOURCE', { entityRef: 'O-1' })),
      second.engine.process(orderEvent('SOURCE', { entityRef: 'O-2' })),
    ]);

    // Assess
    expect(results.map((result) => result.outcome)).toEqual(['SUCCESS', 'SUCCESS']);
    expect(store.loads).toBe(3);
    const taken = ['O-1', 'O-2'].map((ref) => orderOf(store, ref)?.attributes.reservedQty);
    expect([...taken].sort()).toEqual([2, 3]);
    expect(store.getPosition(SKU, LOC)).toMatchObject({ onHand: 5, reserved: 5, available: 0 });
    expect(store.history.every((level) => level.reserved <= level.onHand && level.available >= 0)).toBe(true);
  });

  it('ten orders of one unit racing for four units: four reserve, six take the no-stock path', async () => {
    // Prepare
    const { engine, store } = stockEngine(4);
    const refs = Array.from({ length: 10 }, (_, i) => `O-${i + 1}`);
    for (const ref of refs) await bookOrder(engine, ref, 1);
    store.holdReads(refs.length);

    // Act
    await Promise.all(refs.map((ref) => engine.process(orderEvent('SOURCE', { entityRef: ref }))));

    // Assess
    const statuses = refs.map((ref) => orderOf(store, ref)?.status);
    expect(statuses.filter((status) => status === 'RESERVED')).toHaveLength(4);
    expect(statuses.filter((status) => status === 'NO_STOCK')).toHaveLength(6);
    expect(store.getPosition(SKU, LOC)).toMatchObject({ reserved: 4, available: 0 });
  });
});

describe('Engine.dryRun with inventory', () => {
  it('returns the inventory changes it would make and writes none of them', async () => {
    // Prepare
    const { engine, store } = stockEngine(10);
    await bookOrder(engine, 'O-1', 3);

    // Act
    const result = await engine.dryRun(orderEvent('SOURCE'));

    // Assess
    expect(result.inventory).toEqual([
      { skuRef: SKU, locationRef: LOC, kind: 'RESERVE', qty: 3, seen: { onHand: 10, reserved: 0, safetyStock: 0 } },
    ]);
    expect(result.entity).toMatchObject({ status: 'RESERVED', reservations: [{ skuRef: SKU, locationRef: LOC, qty: 3 }] });
    expect(store.getPosition(SKU, LOC)).toMatchObject({ reserved: 0, available: 10 });
    expect(orderOf(store)?.status).toBe('BOOKED');
  });
});
