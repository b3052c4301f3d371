import { VersionConflictError } from '../../../shared/engine/engine-errors';
import { InMemoryEngineStore } from '../../../shared/engine/in-memory-store';
import type { Entity, UnitOfWork } from '../../../shared/engine/engine-model';
import { orderEvent, orderOf, testEngine } from './fixtures/engine';
import { orderWorkflow, rule, ruleset, setState, statuses } from './fixtures/workflows';

const shipping = orderWorkflow({
  statuses: statuses('CREATED', 'BOOKED', 'SHIPPED'),
  rulesets: [
    ruleset('CREATE', [setState('BOOKED')]),
    ruleset('SHIP', [setState('SHIPPED'), rule('PublishEvent', { detailType: 'OrderShipped' })], { triggers: ['BOOKED'] }),
  ],
});

/** Another writer changes the order between the engine's load and its commit, the next `races` times. */
class RacingStore extends InMemoryEngineStore {
  loads = 0;
  races = 0;

  override async loadRoot(retailerId: string, rootEntityType: string, rootRef: string): Promise<Entity[]> {
    this.loads += 1;
    return super.loadRoot(retailerId, rootEntityType, rootRef);
  }

  override async commit(uow: UnitOfWork): Promise<void> {
    const order = this.getEntity('R1', 'ORDER', 'O-1');
    if (this.races > 0 && order) {
      this.races -= 1;
      await super.commit(this.concurrentChange(order));
    }
    return super.commit(uow);
  }

  private concurrentChange(order: Entity): UnitOfWork {
    const changed = { ...order, attributes: { ...order.attributes, giftWrap: true }, version: order.version + 1 };
    return {
      event: {
        event: { ...orderEvent('GIFT_WRAP'), id: `race-${this.loads}` },
        outcome: 'SUCCESS',
        receivedOn: order.updatedOn,
        rootEntityType: 'ORDER',
        rootRef: 'O-1',
        attempts: 1,
      },
      entities: [{ entity: changed, expectedVersion: order.version }],
      inventory: [],
      audit: [],
      outbox: [],
      scheduled: [],
      markProcessed: true,
    };
  }
}

describe('Engine.process duplicates', () => {
  it('answers DUPLICATE for a redelivered event and changes the entity once', async () => {
    // Prepare
    const { engine, store } = testEngine([shipping]);
    await engine.process(orderEvent('CREATE'));
    const ship = orderEvent('SHIP');
    await engine.process(ship);

    // Act
    const redelivery = await engine.process(ship);

    // Assess
    expect(redelivery).toEqual({ eventId: ship.id, outcome: 'DUPLICATE' });
    expect(orderOf(store)).toMatchObject({ status: 'SHIPPED', version: 2 });
    expect(store.outbox).toHaveLength(1);
    expect(store.auditOf(ship.id).filter((record) => record.kind === 'OUTCOME')).toHaveLength(1);
    expect((await store.getEvent('R1', ship.id))?.outcome).toBe('SUCCESS');
  });

  it('answers DUPLICATE for a redelivered event that was a NO_MATCH', async () => {
    // Prepare
    const { engine } = testEngine([shipping]);
    const event = orderEvent('SHIP');
    await engine.process(event);

    // Act
    const redelivery = await engine.process(event);

    // Assess
    expect(redelivery.outcome).toBe('DUPLICATE');
  });
});

describe('Engine.process version conflicts', () => {
  it('re-runs the execution from a fresh load when another writer committed first, and succeeds', async () => {
    // Prepare
    const store = new RacingStore();
    const { engine } = testEngine([shipping], { store });
    await engine.process(orderEvent('CREATE'));
    const ship = orderEvent('SHIP');
    store.races = 1;
    store.loads = 0;

    // Act
    const result = await engine.process(ship);

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(store.loads).toBe(2);
    expect(orderOf(store)).toMatchObject({ status: 'SHIPPED', attributes: { giftWrap: true }, version: 3 });
    expect(store.outbox).toHaveLength(1);
    expect(store.auditOf(ship.id).filter((record) => record.kind === 'EVENT_RECEIVED')).toHaveLength(1);
  });

  it('gives up with VersionConflictError after maxConflictRetries re-runs, writing nothing', async () => {
    // Prepare
    const store = new RacingStore();
    const { engine } = testEngine([shipping], { store, maxConflictRetries: 2 });
    await engine.process(orderEvent('CREATE'));
    const ship = orderEvent('SHIP');
    store.races = 10;
    store.loads = 0;

    // Act
    const processing = engine.process(ship);

    // Assess
    await expect(processing).rejects.toBeInstanceOf(VersionConflictError);
    expect(store.loads).toBe(3);
    expect(await store.getEvent('R1', ship.id)).toBeUndefined();
    expect(orderOf(store)?.status).toBe('BOOKED');
  });
});
