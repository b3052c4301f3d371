import * as z from 'zod';
import type { Action } from '../../../engine/actions';
import { RuleFailedError } from '../../../engine/engine-errors';
import { defineRule } from '../../../engine/rule-registry';
import { cancelLines } from '../line-cancellation';
import { FULFILMENT } from '../order';

const requestsSchema = z.array(z.strictObject({ lineRef: z.string().min(1), qty: z.number().int().positive() })).min(1).max(200);

/**
 * CANCEL_LINES `{lines: [{lineRef, qty}]}`: the order's lines shrink, each fulfilment carrying more than is still
 * ordered gives the surplus back (fulfilmentEvent, e.g. REMOVE_LINES, releases it), then resourceEvent lets the
 * order re-plan what is left. Cancelling every unit cancels the order.
 */
export const cancelLinesRule = defineRule({
  name: 'ordo.order.CancelLines',
  description: 'Cancels units of order lines (event attribute lines: [{lineRef, qty}]), shrinking fulfilments; every unit cancelled cancels the order.',
  props: z.strictObject({
    cancelledStatus: z.string().min(1),
    fulfilmentEvent: z.string().min(1),
    resourceEvent: z.string().min(1),
    shrinkableStatuses: z.array(z.string().min(1)).min(1),
  }),
  statusProps: (props) => [props.cancelledStatus, ...props.shrinkableStatuses],
  transitions: (props) => [props.cancelledStatus],
  run: (ctx, props): Action[] => {
    const parsed = requestsSchema.safeParse(ctx.event.attributes?.lines);
    if (!parsed.success) throw new RuleFailedError('A CANCEL_LINES event needs attributes.lines: [{lineRef, qty}]', 'INVALID_CANCEL_LINES');
    const { lines, removals, nothingLeft } = cancelLines(ctx.entity, ctx.entities.values(), parsed.data, props.shrinkableStatuses);
    const actions: Action[] = [{ type: 'SET_ATTRIBUTES', attributes: { lines } }];
    for (const [entityRef, removed] of removals) {
      actions.push({ type: 'SEND_EVENT', event: { name: props.fulfilmentEvent, attributes: { lines: removed } }, target: { entityType: FULFILMENT, entityRef } });
    }
    actions.push(nothingLeft ? { type: 'SET_STATE', status: props.cancelledStatus } : { type: 'SEND_EVENT', event: { name: props.resourceEvent } });
    return actions;
  },
});
