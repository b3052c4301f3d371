import * as z from 'zod';
import type { Action } from '../../../engine/actions';
import { defineRule } from '../../../engine/rule-registry';
import { cancelAllBut } from '../line-cancellation';
import { FULFILMENT } from '../order';
import { liveFulfilments, openBackorders } from '../remaining-lines';

/**
 * Order CANCEL: every fulfilment not yet past cancelling (not in keepStatuses, e.g. SHIPPED) is withdrawn
 * (withdrawEvent releases its stock). With none kept the order is cancelled; with some kept it is partially
 * cancelled, its lines cut to what the kept fulfilments carry.
 */
export const cancelOrderRule = defineRule({
  name: 'ordo.order.CancelOrder',
  description: 'Withdraws the fulfilments not in keepStatuses; cancelledStatus, or partiallyCancelledStatus when some are kept.',
  props: z.strictObject({
    cancelledStatus: z.string().min(1),
    partiallyCancelledStatus: z.string().min(1),
    keepStatuses: z.array(z.string().min(1)).min(1),
    withdrawEvent: z.string().min(1),
  }),
  statusProps: (props) => [props.cancelledStatus, props.partiallyCancelledStatus, ...props.keepStatuses],
  transitions: (props) => [props.cancelledStatus, props.partiallyCancelledStatus],
  run: (ctx, props): Action[] => {
    const entities = [...ctx.entities.values()];
    const live = liveFulfilments(ctx.entity, entities);
    const kept = live.filter((fulfilment) => props.keepStatuses.includes(fulfilment.status));
    const withdrawn = [...live.filter((fulfilment) => !kept.includes(fulfilment)), ...openBackorders(ctx.entity, entities)];
    const actions: Action[] = withdrawn.map((fulfilment) => ({
      type: 'SEND_EVENT',
      event: { name: props.withdrawEvent },
      target: { entityType: FULFILMENT, entityRef: fulfilment.ref },
    }));
    if (!kept.length) return [...actions, { type: 'SET_STATE', status: props.cancelledStatus }];
    return [
      ...actions,
      { type: 'SET_ATTRIBUTES', attributes: { lines: cancelAllBut(ctx.entity, kept) } },
      { type: 'SET_STATE', status: props.partiallyCancelledStatus },
    ];
  },
});
