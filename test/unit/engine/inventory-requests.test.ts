import { AuditTrail } from '../../../shared/engine/audit-trail';
import { entityKey, type Entity, type StockPosition } from '../../../shared/engine/engine-model';
import { entityOfCreateEvent } from '../../../shared/engine/entity-factory';
import { InventoryRequests } from '../../../shared/engine/inventory-requests';
import { WorkingCopy } from '../../../shared/engine/working-copy';
import { orderWorkflow } from './fixtures/workflows';

const AT = '2025-01-01T10:00:00.000Z';

const orderHolding = (reserved: number): Entity => ({
  ...entityOfCreateEvent(
    { id: 'evt-0', name: 'CREATE', retailerId: 'R1', entityType: 'ORDER', entityRef: 'O-1', entitySubtype: 'HD' },
    orderWorkflow(),
    { id: 'order-id', rootEntityType: 'ORDER', rootRef: 'O-1', at: AT },
  ),
  ...(reserved > 0 ? { reservations: [{ skuRef: 'S1', locationRef: 'L1', qty: reserved }] } : {}),
});

const stock: StockPosition = { skuRef: 'S1', locationRef: 'L1', onHand: 10, reserved: 2, safetyStock: 1, available: 7 };

/** The inventory requests of an execution of order O-1, which holds `reserved` units of S1 at L1. */
const requestsOf = (reserved: number, committed = [stock]) => {
  const order = orderHolding(reserved);
  const working = new WorkingCopy([order]);
  const trail = new AuditTrail('evt-1', 'ORDER', 'O-1', AT);
  const requests = new InventoryRequests({ positions: async () => committed }, { rootEntityType: 'ORDER', rootRef: 'O-1', working, trail });
  return { requests, working, trail, order };
};

describe('InventoryRequests', () => {
  it("lists a reservation for the commit and adds it to its holder's reservations", () => {
    // Prepare
    const { requests, working, order } = requestsOf(0);

    // Act
    requests.request(order, { type: 'RESERVE_INVENTORY', skuRef: 'S1', locationRef: 'L1', qty: 3 }, undefined);

    // Assess
    expect(requests.list).toEqual([{ skuRef: 'S1', locationRef: 'L1', kind: 'RESERVE', qty: 3 }]);
    expect(working.get(entityKey('ORDER', 'O-1'))?.reservations).toEqual([{ skuRef: 'S1', locationRef: 'L1', qty: 3 }]);
  });

  it('carries the committed figures the rules read, for the store to condition the reservation on', async () => {
    // Prepare
    const { requests, order } = requestsOf(0);
    await requests.reader?.positions(['S1']);

    // Act
    requests.request(order, { type: 'RESERVE_INVENTORY', skuRef: 'S1', locationRef: 'L1', qty: 1 }, undefined);

    // Assess
    expect(requests.list[0]?.seen).toEqual({ onHand: 10, reserved: 2, safetyStock: 1 });
  });

  it("shows the rules the stock with the execution's own requests applied", async () => {
    // Prepare
    const { requests, order } = requestsOf(0);
    requests.request(order, { type: 'RESERVE_INVENTORY', skuRef: 'S1', locationRef: 'L1', qty: 4 }, undefined);

    // Act
    const positions = await requests.reader?.positions(['S1']);

    // Assess
    expect(positions).toEqual([expect.objectContaining({ reserved: 6, available: 3 })]);
  });

  it('refuses to release more than the holder holds with NOT_RESERVED, listing nothing', () => {
    // Prepare
    const { requests, order } = requestsOf(2);

    // Act
    const releasing = () => requests.request(order, { type: 'RELEASE_INVENTORY', skuRef: 'S1', locationRef: 'L1', qty: 3 }, undefined);

    // Assess
    expect(releasing).toThrow(expect.objectContaining({ code: 'NOT_RESERVED' }));
    expect(requests.list).toEqual([]);
  });

  it.each([
    ['a quantity of 0', { skuRef: 'S1', locationRef: 'L1', qty: 0 }],
    ['a fractional quantity', { skuRef: 'S1', locationRef: 'L1', qty: 1.5 }],
    ['an empty skuRef', { skuRef: '', locationRef: 'L1', qty: 1 }],
  ])('refuses %s with INVALID_INVENTORY_CHANGE', (_case, request) => {
    // Prepare
    const { requests, order } = requestsOf(0);

    // Act
    const reserving = () => requests.request(order, { type: 'RESERVE_INVENTORY', ...request }, undefined);

    // Assess
    expect(reserving).toThrow(expect.objectContaining({ code: 'INVALID_INVENTORY_CHANGE' }));
  });

  it('refuses a holder that is not an entity of the root with ENTITY_NOT_FOUND', () => {
    // Prepare
    const { requests, order } = requestsOf(0);
    const holder = { entityType: 'FULFILMENT', entityRef: 'F-9' };

    // Act
    const reserving = () => requests.request(order, { type: 'RESERVE_INVENTORY', skuRef: 'S1', locationRef: 'L1', qty: 1, holder }, undefined);

    // Assess
    expect(reserving).toThrow(expect.objectContaining({ code: 'ENTITY_NOT_FOUND' }));
  });

  it('lists a restock without touching any reservations, audited on the entity that asked', () => {
    // Prepare
    const { requests, working, trail, order } = requestsOf(2);

    // Act
    requests.request(order, { type: 'RESTOCK_INVENTORY', skuRef: 'S1', locationRef: 'L1', qty: 1, reason: 'returned' }, undefined);

    // Assess
    expect(requests.list).toEqual([{ skuRef: 'S1', locationRef: 'L1', kind: 'RESTOCK', qty: 1, reason: 'returned' }]);
    expect(working.get(entityKey('ORDER', 'O-1'))?.reservations).toEqual([{ skuRef: 'S1', locationRef: 'L1', qty: 2 }]);
    expect(trail.records).toEqual([expect.objectContaining({ kind: 'INVENTORY', entityRef: 'O-1', name: 'RESTOCK' })]);
  });

  it('refuses a restock of a fractional quantity with INVALID_INVENTORY_CHANGE', () => {
    // Prepare
    const { requests, order } = requestsOf(0);

    // Act
    const restocking = () => requests.request(order, { type: 'RESTOCK_INVENTORY', skuRef: 'S1', locationRef: 'L1', qty: 0.5 }, undefined);

    // Assess
    expect(restocking).toThrow(expect.objectContaining({ code: 'INVALID_INVENTORY_CHANGE' }));
    expect(requests.list).toEqual([]);
  });

  it("audits a consumption on its holder's trail", () => {
    // Prepare
    const { requests, trail, order } = requestsOf(2);

    // Act
    requests.request(order, { type: 'CONSUME_INVENTORY', skuRef: 'S1', locationRef: 'L1', qty: 2, reason: 'shipped' }, 'inline-1');

    // Assess
    expect(trail.records).toEqual([
      expect.objectContaining({
        kind: 'INVENTORY',
        entityRef: 'O-1',
        name: 'CONSUME',
        props: { skuRef: 'S1', locationRef: 'L1', kind: 'CONSUME', qty: 2, reason: 'shipped' },
        inlineEventId: 'inline-1',
      }),
    ]);
  });
});
