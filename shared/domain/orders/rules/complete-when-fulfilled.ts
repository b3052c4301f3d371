import * as z from 'zod';
import { defineRule } from '../../../engine/rule-registry';
import { liveFulfilments, remainingLines } from '../remaining-lines';

/** Moves the order on once nothing is left to source and every live fulfilment is done. */
export const completeWhenFulfilledRule = defineRule({
  name: 'ordo.order.CompleteWhenFulfilled',
  description: 'Sets the order status once every live fulfilment is in one of doneStatuses.',
  props: z.strictObject({ status: z.string().min(1), doneStatuses: z.array(z.string().min(1)).min(1) }),
  statusProps: (props) => [props.status, ...props.doneStatuses],
  transitions: (props) => [props.status],
  run: (ctx, props) => {
    const live = liveFulfilments(ctx.entity, ctx.entities.values());
    const done =
      live.length > 0 &&
      live.every((fulfilment) => props.doneStatuses.includes(fulfilment.status)) &&
      remainingLines(ctx.entity, ctx.entities.values()).length === 0;
    return done ? [{ type: 'SET_STATE', status: props.status }] : [];
  },
});
