import type { StockRead } from '../../../../shared/engine/engine-store';
import { orderPlanner } from '../../../../shared/domain/orders/order-plan';
import { InMemoryLocationStore } from '../../../support/jobs';
import { positionOf, TwoReadInventory } from '../../../support/sourcing-data';
import { ruleContext } from '../../engine/fixtures/rule-context';

const LINES = [{ skuRef: 'TEE', qty: 2 }];

/** Order O-1 to London, planned over one store, on an execution's first run: stock is read from the read model unless asked otherwise. */
const planning = (inventory: TwoReadInventory) => {
  const locations = new InMemoryLocationStore(['CAMDEN']);
  const ctx = ruleContext({ attributes: { type: 'HD', deliveryPoint: { lat: 51.5, lon: -0.12 }, lines: LINES } });
  const firstRun = { positions: (skuRefs: string[], read?: StockRead) => inventory.positions(skuRefs, read ?? 'summary') };
  return { ...ctx, services: { inventory: firstRun, sourcing: { profile: async () => undefined, locations: () => locations.list() } } };
};

describe('orderPlanner', () => {
  it('plans on the read model when it holds enough, reading nothing else', async () => {
    // Prepare
    const inventory = new TwoReadInventory({ summary: [positionOf('TEE', 'CAMDEN', 5)], exact: [positionOf('TEE', 'CAMDEN', 5)] });
    const ctx = planning(inventory);

    // Act
    const plan = (await orderPlanner(ctx, ctx.entity, LINES, { exclusions: {} }))(LINES);

    // Assess
    expect(plan.available).toBe(true);
    expect(inventory.reads).toEqual(['summary']);
  });

  it('reads the stock exactly before deciding the lines are short, and plans on what it finds', async () => {
    // Prepare
    const inventory = new TwoReadInventory({ summary: [positionOf('TEE', 'CAMDEN', 0)], exact: [positionOf('TEE', 'CAMDEN', 5)] });
    const ctx = planning(inventory);

    // Act
    const plan = (await orderPlanner(ctx, ctx.entity, LINES, { exclusions: {} }))(LINES);

    // Assess
    expect(plan).toMatchObject({ available: true, plans: [{ fulfilments: [expect.objectContaining({ locationRef: 'CAMDEN' })] }] });
    expect(inventory.reads).toEqual(['summary', 'exact']);
  });
});
