import * as z from 'zod';
import type { Action } from '../../../engine/actions';
import { defineRule } from '../../../engine/rule-registry';
import { FULFILMENT } from '../order';
import { liveFulfilments } from '../remaining-lines';

/** Sends an event (e.g. CANCEL) to every live fulfilment of the order not yet in skipStatuses. */
export const notifyFulfilmentsRule = defineRule({
  name: 'ordo.order.NotifyFulfilments',
  description: 'Sends eventName to each live fulfilment of the order, except those in skipStatuses.',
  props: z.strictObject({ eventName: z.string().min(1), skipStatuses: z.array(z.string().min(1)).default([]) }),
  run: (ctx, props): Action[] =>
    liveFulfilments(ctx.entity, ctx.entities.values())
      .filter((fulfilment) => !props.skipStatuses.includes(fulfilment.status))
      .map((fulfilment) => ({
        type: 'SEND_EVENT',
        event: { name: props.eventName },
        target: { entityType: FULFILMENT, entityRef: fulfilment.ref },
      })),
});
