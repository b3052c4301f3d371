import { inventoryPositionWorkflow } from '../../../../shared/domain/inventory/reference-workflows/inventory-reference-workflows';
import { registerInventoryRules } from '../../../../shared/domain/inventory/rules/inventory-rules';
import { retryAwaitingOrdersRule } from '../../../../shared/domain/inventory/rules/retry-awaiting-orders';
import type { OrderFinder, WaitingOrder } from '../../../../shared/domain/orders/awaiting-orders';
import { registerOrderRules } from '../../../../shared/domain/orders/rules/order-rules';
import type { Entity } from '../../../../shared/engine/engine-model';
import type { RuleContext } from '../../../../shared/engine/rule-registry';
import { createCoreRegistry } from '../../../../shared/engine/rules/core/core-rules';
import { validateWorkflow } from '../../../../shared/engine/workflow-validation';

/** Orders as the finder would hold them: retailer, status, SKUs of their lines. */
interface StoredOrder extends WaitingOrder {
  retailerId: string;
  status: string;
  skuRefs: string[];
}

const finder = (orders: StoredOrder[]): OrderFinder & { calls: unknown[][] } => {
  const calls: unknown[][] = [];
  return {
    calls,
    async awaitingOrders(retailerId, status, skuRef, limit) {
      calls.push([retailerId, status, skuRef, limit]);
      return orders
        .filter((order) => order.retailerId === retailerId && order.status === status && order.skuRefs.includes(skuRef))
        .slice(0, limit)
        .map(({ ref, subtype }) => ({ ref, subtype }));
    },
  };
};

const contextFor = (orders: OrderFinder, attributes: Record<string, unknown> = { skuRef: 'SKU-1', locationRef: 'LOC-1', onHand: 5 }): RuleContext => {
  const position: Entity = {
    retailerId: 'R1',
    entityType: 'INVENTORY_POSITION',
    subtype: 'DEFAULT',
    ref: 'SKU-1@LOC-1',
    id: 'position-id',
    status: 'ACTIVE',
    attributes: { skuRef: 'SKU-1', locationRef: 'LOC-1' },
    workflowRef: 'INVENTORY_POSITION::DEFAULT',
    workflowVersion: 1,
    version: 2,
    rootEntityType: 'INVENTORY_POSITION',
    rootRef: 'SKU-1@LOC-1',
    createdOn: '2025-01-01T09:00:00.000Z',
    updatedOn: '2025-01-01T09:00:00.000Z',
  };
  return {
    event: { id: 'evt-1', name: 'INVENTORY_CHANGED', retailerId: 'R1', entityType: 'INVENTORY_POSITION', entityRef: position.ref, attributes },
    entity: position,
    entities: new Map([[`INVENTORY_POSITION#${position.ref}`, position]]),
    workflow: inventoryPositionWorkflow('R1'),
    now: new Date('2025-01-01T10:00:00.000Z'),
    services: { orders },
    setting: async () => undefined,
  };
};

const order = (ref: string, overrides: Partial<StoredOrder> = {}): StoredOrder => ({
  ref,
  subtype: 'HD',
  retailerId: 'R1',
  status: 'AWAITING_STOCK',
  skuRefs: ['SKU-1'],
  ...overrides,
});

const run = (ctx: RuleContext, props: Record<string, unknown> = {}) => retryAwaitingOrdersRule.run(ctx, retryAwaitingOrdersRule.props.parse(props));

describe('ordo.inventory.RetryAwaitingOrders', () => {
  it('sends RETRY_SOURCING to each order of the retailer waiting in AWAITING_STOCK for the SKU, with the order\'s subtype', async () => {
    // Prepare
    const ctx = contextFor(finder([order('O-1'), order('O-2', { subtype: 'CC' })]));

    // Act
    const actions = await run(ctx);

    // Assess
    expect(actions).toEqual([
      {
        type: 'SEND_EVENT',
        event: { name: 'RETRY_SOURCING', entitySubtype: 'HD', rootEntityType: 'ORDER', rootEntityRef: 'O-1' },
        target: { entityType: 'ORDER', entityRef: 'O-1' },
      },
      {
        type: 'SEND_EVENT',
        event: { name: 'RETRY_SOURCING', entitySubtype: 'CC', rootEntityType: 'ORDER', rootEntityRef: 'O-2' },
        target: { entityType: 'ORDER', entityRef: 'O-2' },
      },
    ]);
  });

  it('leaves out orders of another SKU, another status or another retailer', async () => {
    // Prepare
    const ctx = contextFor(
      finder([
        order('O-1'),
        order('O-OTHER-SKU', { skuRefs: ['SKU-2'] }),
        order('O-ALLOCATED', { status: 'ALLOCATED' }),
        order('O-OTHER-RETAILER', { retailerId: 'R2' }),
      ]),
    );

    // Act
    const actions = await run(ctx);

    // Assess
    expect(actions.map((action) => (action.type === 'SEND_EVENT' ? action.target : undefined))).toEqual([{ entityType: 'ORDER', entityRef: 'O-1' }]);
  });

  it('sends to at most `limit` orders', async () => {
    // Prepare
    const orders = finder(Array.from({ length: 5 }, (_, i) => order(`O-${i}`)));

    // Act
    const actions = await run(contextFor(orders), { limit: 2 });

    // Assess
    expect(actions).toHaveLength(2);
    expect(orders.calls).toEqual([['R1', 'AWAITING_STOCK', 'SKU-1', 2]]);
  });

  it('asks for 50 orders by default', async () => {
    // Prepare
    const orders = finder([]);

    // Act
    await run(contextFor(orders));

    // Assess
    expect(orders.calls).toEqual([['R1', 'AWAITING_STOCK', 'SKU-1', 50]]);
  });

  it('uses the event name and status the workflow gives', async () => {
    // Prepare
    const ctx = contextFor(finder([order('O-1', { status: 'ON_HOLD' })]));

    // Act
    const actions = await run(ctx, { eventName: 'RELEASE', status: 'ON_HOLD' });

    // Assess
    expect(actions).toMatchObject([{ type: 'SEND_EVENT', event: { name: 'RELEASE' } }]);
  });

  it('falls back to the position\'s own skuRef when the event has none', async () => {
    // Prepare
    const orders = finder([order('O-1')]);

    // Act
    const actions = await run(contextFor(orders, {}));

    // Assess
    expect(actions).toHaveLength(1);
  });
});

describe('the reference INVENTORY_POSITION workflow', () => {
  it('passes workflow validation with the rules the engine registers', () => {
    // Prepare
    const registry = registerInventoryRules(registerOrderRules(createCoreRegistry()));

    // Act
    const result = validateWorkflow(inventoryPositionWorkflow('R1'), registry);

    // Assess
    expect(result.problems).toEqual([]);
  });
});
