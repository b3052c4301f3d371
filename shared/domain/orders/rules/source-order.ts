import * as z from 'zod';
import type { Action } from '../../../engine/actions';
import { defineRule } from '../../../engine/rule-registry';
import { planFulfilments } from '../../sourcing/plan-fulfilments';
import { loadSourcingInputs } from '../../sourcing/sourcing-inputs';
import { FULFILMENT, fulfilmentsOf, orderAttributes } from '../order';
import { remainingLines } from '../remaining-lines';
import { sourcingCatalogOf } from '../sourcing-catalog';

const exclusionSchema = z.array(z.strictObject({ skuRef: z.string(), locationRef: z.string() }));

/**
 * Sources what the order still needs with the same planFulfilments as POST /v1/availability,
 * then creates a fulfilment per planned location and reserves its lines on it, all in the
 * execution's transaction. No complete plan: the order waits in the no-stock status.
 */
export const sourceOrderRule = defineRule({
  name: 'ordo.order.SourceOrder',
  description: 'Creates fulfilments with reserved stock for what the order still needs, or parks it without stock.',
  props: z.strictObject({ allocatedStatus: z.string().min(1), noStockStatus: z.string().min(1) }),
  statusProps: (props) => [props.allocatedStatus, props.noStockStatus],
  run: async (ctx, props): Promise<Action[]> => {
    const order = ctx.entity;
    const attributes = orderAttributes(order);
    const lines = remainingLines(order, ctx.entities.values());
    if (!lines.length) return [{ type: 'SET_STATE', status: props.allocatedStatus }];

    const actions: Action[] = [];
    const exclusions = { ...(attributes.sourcingExclusions ?? {}) };
    const excluded = exclusionSchema.safeParse(ctx.event.attributes?.exclude);
    if (excluded.success && excluded.data.length) {
      for (const { skuRef, locationRef } of excluded.data) {
        exclusions[skuRef] = [...new Set([...(exclusions[skuRef] ?? []), locationRef])];
      }
      actions.push({ type: 'SET_ATTRIBUTES', attributes: { sourcingExclusions: exclusions } });
    }

    const catalog = sourcingCatalogOf(ctx.services);
    const inventory = ctx.services.inventory;
    const { profile, locations, positions: stock } = await loadSourcingInputs(
      order.retailerId,
      lines.map((line) => line.skuRef),
      {
        ...catalog,
        // The execution's view: committed stock with its own pending reservations applied.
        stock: async (skuRefs) =>
          (inventory ? await inventory.positions(skuRefs) : []).map(({ skuRef, locationRef, available }) => ({
            skuRef,
            locationRef,
            available,
          })),
      },
    );
    const positions = stock.filter((position) => !(exclusions[position.skuRef] ?? []).includes(position.locationRef));
    const result = planFulfilments(
      { type: attributes.type, lines, deliveryPoint: attributes.deliveryPoint, pickupLocationRef: attributes.pickupLocationRef },
      profile,
      locations,
      positions,
    );
    const plan = result.plans[0];
    if (!result.available || !plan) {
      const short = result.shortfalls.map((s) => `${s.skuRef} ${s.available}/${s.requested}`).join(', ');
      return [
        ...actions,
        { type: 'LOG', level: 'WARN', message: `No stock to source the order: ${short}` },
        { type: 'SET_STATE', status: props.noStockStatus },
      ];
    }

    let next = fulfilmentsOf(ctx.entities.values(), order.ref).length;
    for (const planned of plan.fulfilments) {
      const ref = `${order.ref}-F${++next}`;
      actions.push({
        type: 'CREATE_ENTITY',
        entity: {
          entityType: FULFILMENT,
          subtype: order.subtype,
          ref,
          attributes: { locationRef: planned.locationRef, distanceKm: planned.distanceKm, lines: planned.lines },
        },
      });
      for (const line of planned.lines) {
        actions.push({
          type: 'RESERVE_INVENTORY',
          skuRef: line.skuRef,
          locationRef: planned.locationRef,
          qty: line.qty,
          holder: { entityType: FULFILMENT, entityRef: ref },
        });
      }
    }
    actions.push({ type: 'SET_STATE', status: props.allocatedStatus });
    return actions;
  },
});
