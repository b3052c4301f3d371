import * as z from 'zod';
import type { Action } from '../../../engine/actions';
import type { Entity } from '../../../engine/engine-model';
import { defineRule, type RuleContext } from '../../../engine/rule-registry';
import type { FulfilmentPlan, Shortfall } from '../../sourcing/sourcing-model';
import { AWAITING_STOCK_AUTO_CANCEL_HOURS, PARTIAL_ALLOCATION } from '../../settings/setting-catalogue';
import { FULFILMENT, fulfilmentsOf, orderAttributes } from '../order';
import { orderPlanner } from '../order-plan';
import { openBackorders, remainingLines } from '../remaining-lines';

const exclusionSchema = z.array(z.strictObject({ skuRef: z.string(), locationRef: z.string() }));

const propsSchema = z.strictObject({
  allocatedStatus: z.string().min(1),
  noStockStatus: z.string().min(1),
  /** With the partial allocation setting on: the status of a backorder, and the event that closes it once sourced. */
  backorderStatus: z.string().min(1).optional(),
  backorderSourcedEvent: z.string().min(1).optional(),
  /** Scheduled when the order starts waiting and the auto-cancel setting is on. */
  waitExpiredEvent: z.string().min(1).optional(),
});
type Props = z.infer<typeof propsSchema>;

/** A fulfilment per planned location, each reserving its lines, refs going on from the order's last one. */
const fulfilmentsFor = (order: Entity, plan: FulfilmentPlan, taken: number): Action[] =>
  plan.fulfilments.flatMap((planned, index): Action[] => {
    const ref = `${order.ref}-F${taken + index + 1}`;
    return [
      {
        type: 'CREATE_ENTITY',
        entity: { entityType: FULFILMENT, subtype: order.subtype, ref, attributes: { locationRef: planned.locationRef, distanceKm: planned.distanceKm, lines: planned.lines } },
      },
      ...planned.lines.map((line): Action => ({
        type: 'RESERVE_INVENTORY',
        skuRef: line.skuRef,
        locationRef: planned.locationRef,
        qty: line.qty,
        holder: { entityType: FULFILMENT, entityRef: ref },
      })),
    ];
  });

const closing = (backorders: readonly Entity[], event: string | undefined): Action[] =>
  event ? backorders.map((backorder) => ({ type: 'SEND_EVENT', event: { name: event }, target: { entityType: FULFILMENT, entityRef: backorder.ref } })) : [];

/** Entering the no-stock status with the auto-cancel setting on: the wait's end is scheduled, stamped with its start. */
const waiting = async (ctx: RuleContext, props: Props): Promise<Action[]> => {
  if (ctx.entity.status === props.noStockStatus) return [{ type: 'SET_STATE', status: props.noStockStatus }];
  const actions: Action[] = [{ type: 'SET_STATE', status: props.noStockStatus }];
  const hours = props.waitExpiredEvent ? await ctx.setting(AWAITING_STOCK_AUTO_CANCEL_HOURS) : undefined;
  if (typeof hours !== 'number' || hours <= 0 || !props.waitExpiredEvent) return actions;
  const since = ctx.now.toISOString();
  const dueAt = new Date(ctx.now.getTime() + hours * 3_600_000).toISOString();
  return [
    { type: 'SET_ATTRIBUTES', attributes: { awaitingStockSince: since } },
    ...actions,
    { type: 'SCHEDULE_EVENT', event: { name: props.waitExpiredEvent, attributes: { awaitingStockSince: since } }, dueAt },
  ];
};

const describe = (shortfalls: readonly Shortfall[]) => shortfalls.map((s) => `${s.skuRef} ${s.available}/${s.requested}`).join(', ');

/**
 * Sources what the order still needs with the same planFulfilments as POST /v1/availability, then creates a
 * fulfilment per planned location and reserves its lines on it, all in the execution's transaction. No complete
 * plan: the order waits in the no-stock status, whole; or, with the retailer's partial allocation setting on, the
 * best partial plan is allocated and the rest waits in a backorder that the next sourcing replaces.
 */
export const sourceOrderRule = defineRule({
  name: 'ordo.order.SourceOrder',
  description: 'Creates fulfilments with reserved stock for what the order still needs, or parks it without stock (partly, with partial allocation on).',
  props: propsSchema,
  statusProps: (props) => [props.allocatedStatus, props.noStockStatus, ...(props.backorderStatus ? [props.backorderStatus] : [])],
  transitions: (props) => [props.allocatedStatus, props.noStockStatus],
  run: async (ctx, props): Promise<Action[]> => {
    const order = ctx.entity;
    const entities = [...ctx.entities.values()];
    const backorders = openBackorders(order, entities);
    const lines = remainingLines(order, entities);
    if (!lines.length) return [...closing(backorders, props.backorderSourcedEvent), { type: 'SET_STATE', status: props.allocatedStatus }];

    const actions: Action[] = [];
    const exclusions = { ...(orderAttributes(order).sourcingExclusions ?? {}) };
    const excluded = exclusionSchema.safeParse(ctx.event.attributes?.exclude);
    if (excluded.success && excluded.data.length) {
      for (const { skuRef, locationRef } of excluded.data) {
        exclusions[skuRef] = [...new Set([...(exclusions[skuRef] ?? []), locationRef])];
      }
      actions.push({ type: 'SET_ATTRIBUTES', attributes: { sourcingExclusions: exclusions } });
    }

    const plan = (await orderPlanner(ctx, order, lines, { exclusions }))(lines);
    const best = plan.plans[0];
    const taken = fulfilmentsOf(entities, order.ref).length;
    if (plan.available && best) {
      return [...actions, ...fulfilmentsFor(order, best, taken), ...closing(backorders, props.backorderSourcedEvent), { type: 'SET_STATE', status: props.allocatedStatus }];
    }
    const partial = best && props.backorderStatus && props.backorderSourcedEvent && (await ctx.setting(PARTIAL_ALLOCATION)) === true;
    if (!best || !partial) {
      return [...actions, { type: 'LOG', level: 'WARN', message: `No stock to source the order: ${describe(plan.shortfalls)}` }, ...(await waiting(ctx, props))];
    }
    const missing = plan.shortfalls.map(({ skuRef, requested, available }) => ({ skuRef, qty: requested - available }));
    return [
      ...actions,
      { type: 'LOG', level: 'INFO', message: `Allocated in part; backordered: ${describe(plan.shortfalls)}` },
      ...fulfilmentsFor(order, best, taken),
      ...closing(backorders, props.backorderSourcedEvent),
      {
        type: 'CREATE_ENTITY',
        entity: { entityType: FULFILMENT, subtype: order.subtype, ref: `${order.ref}-F${taken + best.fulfilments.length + 1}`, status: props.backorderStatus, attributes: { backorder: true, lines: missing } },
      },
      ...(await waiting(ctx, props)),
    ];
  },
});
