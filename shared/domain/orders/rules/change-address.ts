import * as z from 'zod';
import type { Action } from '../../../engine/actions';
import { RuleFailedError } from '../../../engine/engine-errors';
import type { Entity } from '../../../engine/engine-model';
import { defineRule } from '../../../engine/rule-registry';
import type { FulfilmentPlan } from '../../sourcing/sourcing-model';
import { asPoint } from '../../privacy/customer-data';
import { FULFILMENT, fulfilmentAttributes, orderAttributes } from '../order';
import { orderPlanner } from '../order-plan';
import { liveFulfilments, remainingLines } from '../remaining-lines';

const INVALID = 'INVALID_CHANGE_ADDRESS';

const planKey = (fulfilments: { locationRef: string; lines: { skuRef: string; qty: number }[] }[]) =>
  fulfilments
    .flatMap(({ locationRef, lines }) => lines.map((line) => `${locationRef}|${line.skuRef}|${line.qty}`))
    .sort()
    .join(',');

const samePlan = (plan: FulfilmentPlan, live: readonly Entity[]) => planKey(plan.fulfilments) === planKey(live.map(fulfilmentAttributes));

/**
 * CHANGE_ADDRESS `{deliveryAddress}` on a home delivery order, while no fulfilment is past changeableStatuses
 * (picked): the new address replaces the old one (sealed by the Event API like an order's), and when the best
 * plan from the new address differs from the fulfilments the order has, they are withdrawn (withdrawEvent
 * releases their stock) and resourceEvent sources the order again.
 */
export const changeAddressRule = defineRule({
  name: 'ordo.order.ChangeAddress',
  description: 'Replaces the delivery address before picking; re-sources when the best plan from the new address differs.',
  props: z.strictObject({
    changeableStatuses: z.array(z.string().min(1)).min(1),
    withdrawEvent: z.string().min(1),
    resourceEvent: z.string().min(1),
  }),
  statusProps: (props) => props.changeableStatuses,
  transitions: () => [],
  run: async (ctx, props): Promise<Action[]> => {
    const order = ctx.entity;
    const { deliveryAddress, deliveryPoint, exactDeliveryPoint } = ctx.event.attributes ?? {};
    const point = asPoint(deliveryPoint);
    if (deliveryAddress === undefined || !point) {
      throw new RuleFailedError('A CHANGE_ADDRESS event needs attributes.deliveryAddress, with its lat and lon', INVALID);
    }
    if (orderAttributes(order).type !== 'HD') throw new RuleFailedError(`Order ${order.ref} is not a home delivery order: it has no address to change`, INVALID);
    const entities = [...ctx.entities.values()];
    const live = liveFulfilments(order, entities);
    const locked = live.find((fulfilment) => !props.changeableStatuses.includes(fulfilment.status));
    if (locked) throw new RuleFailedError(`Fulfilment ${locked.ref} is ${locked.status}: the address can no longer change`, 'ADDRESS_LOCKED');

    const actions: Action[] = [{ type: 'SET_ATTRIBUTES', attributes: { deliveryAddress, deliveryPoint: point, exactDeliveryPoint } }];
    const resource: Action = { type: 'SEND_EVENT', event: { name: props.resourceEvent } };
    if (!live.length) return [...actions, resource];
    // Against no fulfilments: every unit still ordered.
    const lines = remainingLines(order, []);
    const exclusions = orderAttributes(order).sourcingExclusions ?? {};
    const plan = (await orderPlanner(ctx, order, lines, { exclusions, deliveryPoint: point, releasing: live }))(lines);
    const best = plan.available ? plan.plans[0] : undefined;
    if (!best || samePlan(best, live)) {
      return [...actions, { type: 'LOG', level: 'INFO', message: 'Address changed; the order keeps its fulfilments' }];
    }
    return [
      ...actions,
      ...live.map((fulfilment): Action => ({ type: 'SEND_EVENT', event: { name: props.withdrawEvent }, target: { entityType: FULFILMENT, entityRef: fulfilment.ref } })),
      resource,
    ];
  },
});
