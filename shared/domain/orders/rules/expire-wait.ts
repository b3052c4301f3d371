import * as z from 'zod';
import type { Action } from '../../../engine/actions';
import { defineRule } from '../../../engine/rule-registry';

/**
 * The end of a wait for stock that SourceOrder scheduled (auto-cancel setting): eventName (e.g. CANCEL) goes to
 * the order only if it is still in the wait that scheduled it. An order that was allocated and came back to wait
 * again has a later `awaitingStockSince`, and its own scheduled end.
 */
export const expireWaitRule = defineRule({
  name: 'ordo.order.ExpireWait',
  description: 'Sends eventName to the order when the scheduled end of its wait for stock is the one of its current wait.',
  props: z.strictObject({ eventName: z.string().min(1) }),
  run: (ctx, props): Action[] => {
    const since = ctx.event.attributes?.awaitingStockSince;
    if (since === undefined || since !== ctx.entity.attributes?.awaitingStockSince) {
      return [{ type: 'LOG', level: 'INFO', message: 'The order is no longer in the wait this was scheduled for' }];
    }
    return [{ type: 'SEND_EVENT', event: { name: props.eventName, attributes: { reason: 'waited for stock too long' } } }];
  },
});
