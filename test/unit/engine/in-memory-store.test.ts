import { DuplicateEventError, InsufficientStockError, VersionConflictError } from '../../../shared/engine/engine-errors';
import { InMemoryEngineStore } from '../../../shared/engine/in-memory-store';
import type { Entity, InventoryChange, UnitOfWork } from '../../../shared/engine/engine-model';
import { orderWorkflow } from './fixtures/workflows';

const order = (overrides: Partial<Entity> = {}): Entity => ({
  retailerId: 'R1',
  entityType: 'ORDER',
  subtype: 'HD',
  ref: 'O-1',
  id: 'order-1',
  status: 'BOOKED',
  attributes: {},
  workflowRef: 'ORDER::HD',
  workflowVersion: 1,
  version: 1,
  rootEntityType: 'ORDER',
  rootRef: 'O-1',
  createdOn: '2025-01-01T10:00:00.000Z',
  updatedOn: '2025-01-01T10:00:00.000Z',
  ...overrides,
});

const unitOfWork = (eventId: string, overrides: Partial<UnitOfWork> = {}): UnitOfWork => ({
  event: {
    event: { id: eventId, name: 'SHIP', retailerId: 'R1', entityType: 'ORDER', entityRef: 'O-1' },
    outcome: 'SUCCESS',
    receivedOn: '2025-01-01T10:00:00.000Z',
    rootEntityType: 'ORDER',
    rootRef: 'O-1',
    attempts: 1,
  },
  entities: [],
  inventory: [],
  audit: [],
  outbox: [],
  scheduled: [],
  markProcessed: true,
  ...overrides,
});

describe('InMemoryEngineStore', () => {
  it("keeps two retailers' roots of the same ref apart", async () => {
    // Prepare
    const store = new InMemoryEngineStore();

    // Act
    store.putEntity(order({ retailerId: 'R2', status: 'CREATED' }));

    // Assess
    expect(await store.loadRoot('R1', 'ORDER', 'O-1')).toEqual([]);
    expect(await store.loadRoot('R2', 'ORDER', 'O-1')).toEqual([order({ retailerId: 'R2', status: 'CREATED' })]);
  });

  it('lists the retailers holding a root ref, as the claims of the product store do', async () => {
    // Prepare
    const store = new InMemoryEngineStore();
    store.putEntity(order({ retailerId: 'R2' }));
    store.putEntity(order());
    store.putEntity(order({ ref: 'O-2', rootRef: 'O-2' }));

    // Act
    const retailers = await store.retailersOfRoot('ORDER', 'O-1');

    // Assess
    expect(retailers).toEqual(['R1', 'R2']);
  });

  it('commits the same event id of two retailers as two events, and lists both retailers', async () => {
    // Prepare
    const store = new InMemoryEngineStore();
    await store.commit(unitOfWork('e1'));
    const other = unitOfWork('e1');
    other.event = { ...other.event, event: { ...other.event.event, retailerId: 'R2' } };

    // Act
    await store.commit(other);

    // Assess
    expect((await store.getEvent('R2', 'e1'))?.event.retailerId).toBe('R2');
    expect(await store.retailersOfEvent('e1')).toEqual(['R1', 'R2']);
  });

  it('writes nothing of a unit whose expected versions do not all hold', async () => {
    // Prepare
    const store = new InMemoryEngineStore();
    store.putEntity(order());
    const fulfilment = order({ entityType: 'FULFILMENT', ref: 'F-1', version: 1 });
    const uow = unitOfWork('e1', {
      entities: [
        { entity: fulfilment, expectedVersion: null },
        { entity: order({ status: 'SHIPPED', version: 2 }), expectedVersion: 5 },
      ],
      outbox: [{ id: 'o1', kind: 'PUBLISH', eventId: 'e1', createdOn: '2025-01-01T10:00:00.000Z', payload: {} }],
    });

    // Act
    const committing = store.commit(uow);

    // Assess
    await expect(committing).rejects.toBeInstanceOf(VersionConflictError);
    expect(await store.loadRoot('R1', 'ORDER', 'O-1')).toEqual([order()]);
    expect(store.outbox).toEqual([]);
    expect(await store.getEvent('R1', 'e1')).toBeUndefined();
  });

  it('refuses to create an entity that already exists', async () => {
    // Prepare
    const store = new InMemoryEngineStore();
    store.putEntity(order());

    // Act
    const committing = store.commit(unitOfWork('e1', { entities: [{ entity: order(), expectedVersion: null }] }));

    // Assess
    await expect(committing).rejects.toBeInstanceOf(VersionConflictError);
  });

  it('refuses an event already processed to a final outcome, even a FAILED retry of it', async () => {
    // Prepare
    const store = new InMemoryEngineStore();
    await store.commit(unitOfWork('e1'));
    const failedRetry = unitOfWork('e1', { markProcessed: false });
    failedRetry.event.outcome = 'FAILED';

    // Act
    const committing = store.commit(failedRetry);

    // Assess
    await expect(committing).rejects.toBeInstanceOf(DuplicateEventError);
    expect((await store.getEvent('R1', 'e1'))?.outcome).toBe('SUCCESS');
  });

  it('keeps the first receipt time and counts attempts over a FAILED record', async () => {
    // Prepare
    const store = new InMemoryEngineStore();
    const failed = unitOfWork('e1', { markProcessed: false });
    failed.event.outcome = 'FAILED';
    await store.commit(failed);
    const retry = unitOfWork('e1');
    retry.event.receivedOn = '2025-01-01T11:00:00.000Z';

    // Act
    await store.commit(retry);

    // Assess
    expect(await store.getEvent('R1', 'e1')).toMatchObject({ outcome: 'SUCCESS', receivedOn: '2025-01-01T10:00:00.000Z', attempts: 2 });
  });

  it('returns the latest workflow version unless a version is asked for, and numbers new versions', async () => {
    // Prepare
    const store = new InMemoryEngineStore();
    store.putWorkflow(orderWorkflow());
    store.putWorkflow(orderWorkflow({ name: 'second' }));
    const key = { retailerId: 'R1', entityType: 'ORDER', subtype: 'HD' };

    // Act
    const [latest, first, missing] = await Promise.all([
      store.loadWorkflow(key),
      store.loadWorkflow(key, 1),
      store.loadWorkflow({ ...key, subtype: 'CC' }),
    ]);

    // Assess
    expect(latest).toMatchObject({ version: 2, name: 'second' });
    expect(first?.version).toBe(1);
    expect(missing).toBeUndefined();
  });

  it('refuses to overwrite a workflow version', () => {
    // Prepare
    const store = new InMemoryEngineStore();
    store.putWorkflow(orderWorkflow({ version: 1 }));

    // Act
    const overwrite = () => store.putWorkflow(orderWorkflow({ version: 1 }));

    // Assess
    expect(overwrite).toThrow('already exists');
  });

  describe('inventory', () => {
    const change = (kind: InventoryChange['kind'], qty: number, skuRef = 'S1'): InventoryChange => ({ skuRef, locationRef: 'L1', kind, qty });

    it('seeds a position with available derived, and reads it back by SKU', async () => {
      // Prepare
      const store = new InMemoryEngineStore();

      // Act
      store.putPosition({ skuRef: 'S1', locationRef: 'L1', onHand: 10, reserved: 2, safetyStock: 1 });
      store.putPosition({ skuRef: 'S2', locationRef: 'L1', onHand: 5 });

      // Assess
      expect(store.getPosition('S1', 'L1')).toEqual({ skuRef: 'S1', locationRef: 'L1', onHand: 10, reserved: 2, safetyStock: 1, available: 7 });
      expect((await store.positions(['S2', 'S9'])).map((level) => level.skuRef)).toEqual(['S2']);
      expect(store.getPosition('S1', 'L2')).toBeUndefined();
    });

    it('applies the merged changes of a unit and stamps updatedOn', async () => {
      // Prepare
      const store = new InMemoryEngineStore();
      store.putPosition({ skuRef: 'S1', locationRef: 'L1', onHand: 10, reserved: 4 });
      const uow = unitOfWork('e1', { inventory: [change('RESERVE', 3), change('CONSUME', 2), change('RELEASE', 1)] });
      uow.event.processedOn = '2025-01-01T10:00:01.000Z';

      // Act
      await store.commit(uow);

      // Assess
      expect(store.getPosition('S1', 'L1')).toMatchObject({ onHand: 8, reserved: 4, available: 4, updatedOn: '2025-01-01T10:00:01.000Z' });
    });

    it('writes nothing of a unit when one position lacks the stock, and names that position', async () => {
      // Prepare
      const store = new InMemoryEngineStore();
      store.putEntity(order());
      store.putPosition({ skuRef: 'S1', locationRef: 'L1', onHand: 10 });
      store.putPosition({ skuRef: 'S2', locationRef: 'L1', onHand: 1 });
      const uow = unitOfWork('e1', {
        entities: [{ entity: order({ status: 'SHIPPED', version: 2 }), expectedVersion: 1 }],
        inventory: [change('RESERVE', 5), change('RESERVE', 2, 'S2')],
      });

      // Act
      const committing = store.commit(uow);

      // Assess
      await expect(committing).rejects.toBeInstanceOf(InsufficientStockError);
      await expect(committing).rejects.toMatchObject({ skuRef: 'S2', locationRef: 'L1' });
      expect(store.getPosition('S1', 'L1')).toMatchObject({ reserved: 0, available: 10 });
      expect(await store.loadRoot('R1', 'ORDER', 'O-1')).toEqual([order()]);
      expect(await store.getEvent('R1', 'e1')).toBeUndefined();
    });

    it('puts restocked units back on hand, available at once', async () => {
      // Prepare
      const store = new InMemoryEngineStore();
      store.putPosition({ skuRef: 'S1', locationRef: 'L1', onHand: 10, reserved: 4, safetyStock: 1 });

      // Act
      await store.commit(unitOfWork('e1', { inventory: [change('RESTOCK', 2)] }));

      // Assess
      expect(store.getPosition('S1', 'L1')).toMatchObject({ onHand: 12, reserved: 4, safetyStock: 1, available: 7 });
    });

    it('creates a position never counted when units are restocked there', async () => {
      // Prepare
      const store = new InMemoryEngineStore();

      // Act
      await store.commit(unitOfWork('e1', { inventory: [change('RESTOCK', 3, 'S9')] }));

      // Assess
      expect(store.getPosition('S9', 'L1')).toMatchObject({ onHand: 3, reserved: 0, safetyStock: 0, available: 3 });
    });

    it.each([
      ['a reserve on a position that does not exist', 'S9', 'RESERVE'],
      ['a release of more than is reserved', 'S1', 'RELEASE'],
      ['a consume of more than is reserved', 'S1', 'CONSUME'],
    ] as const)('refuses %s', async (_case, skuRef, kind) => {
      // Prepare
      const store = new InMemoryEngineStore();
      store.putPosition({ skuRef: 'S1', locationRef: 'L1', onHand: 10, reserved: 1 });

      // Act
      const committing = store.commit(unitOfWork('e1', { inventory: [change(kind, 2, skuRef)] }));

      // Assess
      await expect(committing).rejects.toBeInstanceOf(InsufficientStockError);
      expect(store.getPosition('S1', 'L1')).toMatchObject({ onHand: 10, reserved: 1 });
    });
  });
});
