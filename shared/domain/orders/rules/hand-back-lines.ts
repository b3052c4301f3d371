import * as z from 'zod';
import type { Action } from '../../../engine/actions';
import { defineRule } from '../../../engine/rule-registry';
import { fulfilmentAttributes } from '../order';

/**
 * A cancelled fulfilment gives its lines back to the order: eventName goes to the root with
 * `exclude: [{skuRef, locationRef}]`, so the order re-sources them anywhere but the location that gave up.
 */
export const handBackLinesRule = defineRule({
  name: 'ordo.fulfilment.HandBackLines',
  description: "Sends eventName to the order with this fulfilment's location excluded for its SKUs, so the order re-sources them elsewhere.",
  props: z.strictObject({ eventName: z.string().min(1) }),
  run: (ctx, props): Action[] => {
    const { locationRef, lines } = fulfilmentAttributes(ctx.entity);
    const exclude = [...new Set(lines.map((line) => line.skuRef))].map((skuRef) => ({ skuRef, locationRef }));
    return [{ type: 'SEND_EVENT', event: { name: props.eventName, attributes: { exclude } }, target: 'ROOT' }];
  },
});
