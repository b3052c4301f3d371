import * as z from 'zod';
import type { Action } from '../../../engine/actions';
import { RuleFailedError } from '../../../engine/engine-errors';
import { defineRule } from '../../../engine/rule-registry';
import { trimFulfilment } from '../fulfilment-trim';

const missingSchema = z.array(z.strictObject({ skuRef: z.string().min(1), qty: z.number().int().positive() })).min(1);

/**
 * The location could not pick some units (event attribute `missing: [{skuRef, qty}]`): their
 * reservation is released, the fulfilment keeps what was picked, and the order is asked to
 * source the rest elsewhere, never again from this location for those SKUs.
 */
export const shortPickRule = defineRule({
  name: 'ordo.fulfilment.ShortPick',
  description: 'Releases the missing units, trims the fulfilment and asks the order to re-source them.',
  props: z.strictObject({ emptyStatus: z.string().min(1), resourceEvent: z.string().min(1) }),
  statusProps: (props) => [props.emptyStatus],
  run: (ctx, props): Action[] => {
    const parsed = missingSchema.safeParse(ctx.event.attributes?.missing);
    if (!parsed.success) {
      throw new RuleFailedError('A SHORT_PICK event needs attributes.missing: [{skuRef, qty}]', 'INVALID_SHORT_PICK');
    }
    const { releases, removed, kept, locationRef } = trimFulfilment(ctx.entity, parsed.data, 'short pick');
    if (!removed.length) return [{ type: 'LOG', level: 'WARN', message: 'SHORT_PICK named nothing this fulfilment carries' }];
    const exclude = removed.map(({ skuRef }) => ({ skuRef, locationRef }));
    const actions: Action[] = [...releases, { type: 'SET_ATTRIBUTES', attributes: { lines: kept } }];
    if (!kept.length) actions.push({ type: 'SET_STATE', status: props.emptyStatus });
    actions.push({ type: 'SEND_EVENT', event: { name: props.resourceEvent, attributes: { exclude } }, target: 'ROOT' });
    return actions;
  },
});
