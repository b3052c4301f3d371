import * as z from 'zod';
import type { Action } from '../../../engine/actions';
import { RuleFailedError } from '../../../engine/engine-errors';
import { defineRule } from '../../../engine/rule-registry';
import { trimFulfilment } from '../fulfilment-trim';

const removalsSchema = z.array(z.strictObject({ skuRef: z.string().min(1), qty: z.number().int().positive() })).min(1);

/**
 * The order needs fewer units from this fulfilment (event attribute `lines: [{skuRef, qty}]`, sent by the
 * order's CANCEL_LINES): their reservations are released and the fulfilment keeps the rest, or ends in
 * emptyStatus when nothing is left.
 */
export const removeLinesRule = defineRule({
  name: 'ordo.fulfilment.RemoveLines',
  description: 'Releases and takes off the units named in the event attribute lines; emptyStatus when none are left.',
  props: z.strictObject({ emptyStatus: z.string().min(1) }),
  statusProps: (props) => [props.emptyStatus],
  run: (ctx, props): Action[] => {
    const parsed = removalsSchema.safeParse(ctx.event.attributes?.lines);
    if (!parsed.success) throw new RuleFailedError('A REMOVE_LINES event needs attributes.lines: [{skuRef, qty}]', 'INVALID_REMOVE_LINES');
    const { releases, kept } = trimFulfilment(ctx.entity, parsed.data, 'order lines cancelled');
    const actions: Action[] = [...releases, { type: 'SET_ATTRIBUTES', attributes: { lines: kept } }];
    if (!kept.length) actions.push({ type: 'SET_STATE', status: props.emptyStatus });
    return actions;
  },
});
