import type { Entity } from '../../engine/engine-model';
import type { StockRead } from '../../engine/engine-store';
import type { RuleContext } from '../../engine/rule-registry';
import { planFulfilments } from '../sourcing/plan-fulfilments';
import { loadSourcingInputs } from '../sourcing/sourcing-inputs';
import type { GeoPoint, SourcingLine, SourcingResult } from '../sourcing/sourcing-model';
import { fulfilmentAttributes, orderAttributes } from './order';
import { sourcingCatalogOf } from './sourcing-catalog';

export interface OrderPlanOptions {
  /** Locations kept out per SKU (short picks, cancelled fulfilments). */
  exclusions: Record<string, string[]>;
  /** Where to measure from, when not the order's own delivery point (an address being changed). */
  deliveryPoint?: GeoPoint;
  /** Fulfilments whose units count as available again: they would be withdrawn if the plan changes. */
  releasing?: readonly Entity[];
}

/**
 * Plans the order's lines with the same planFulfilments as POST /v1/availability, on stock as this execution sees
 * it (committed, with its own pending changes). The first read may come from the availability read model; when it
 * finds the lines short, the stock is read again exactly, so an order waits for stock only on the exact figures.
 * Returns a planner so a partial allocation can plan again without reading again.
 */
export const orderPlanner = async (
  ctx: Pick<RuleContext, 'services'>,
  order: Entity,
  lines: readonly SourcingLine[],
  options: OrderPlanOptions,
): Promise<(lines: SourcingLine[]) => SourcingResult> => {
  const attributes = orderAttributes(order);
  const inventory = ctx.services.inventory;
  const skuRefs = [...new Set(lines.map((line) => line.skuRef))];
  const returning = new Map<string, number>();
  for (const fulfilment of options.releasing ?? []) {
    const { locationRef, lines: held } = fulfilmentAttributes(fulfilment);
    for (const line of held) returning.set(`${line.skuRef}@${locationRef}`, (returning.get(`${line.skuRef}@${locationRef}`) ?? 0) + line.qty);
  }
  const request = {
    type: attributes.type,
    deliveryPoint: options.deliveryPoint ?? attributes.deliveryPoint,
    pickupLocationRef: attributes.pickupLocationRef,
  };
  const plannerFrom = async (read?: StockRead) => {
    const { profile, locations, positions } = await loadSourcingInputs(order.retailerId, skuRefs, {
      ...sourcingCatalogOf(ctx.services),
      stock: async (wanted) =>
        (inventory ? await inventory.positions(wanted, read) : []).map(({ skuRef, locationRef, available }) => ({ skuRef, locationRef, available })),
    });
    const usable = positions
      .filter((position) => !(options.exclusions[position.skuRef] ?? []).includes(position.locationRef))
      .map((position) => ({ ...position, available: position.available + (returning.get(`${position.skuRef}@${position.locationRef}`) ?? 0) }));
    return (planned: SourcingLine[]) => planFulfilments({ ...request, lines: planned }, profile, locations, usable);
  };
  const planner = await plannerFrom();
  return planner([...lines]).available ? planner : plannerFrom('exact');
};
