import * as z from 'zod';
import type { Action } from '../../../engine/actions';
import { RuleFailedError } from '../../../engine/engine-errors';
import { defineRule } from '../../../engine/rule-registry';
import { fulfilmentAttributes } from '../order';

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
    const { locationRef, lines } = fulfilmentAttributes(ctx.entity);
    const remaining = lines.map((line) => ({ ...line }));
    const actions: Action[] = [];
    const exclude: { skuRef: string; locationRef: string }[] = [];
    for (const missing of parsed.data) {
      const line = remaining.find((candidate) => candidate.skuRef === missing.skuRef);
      const qty = Math.min(missing.qty, line?.qty ?? 0);
      if (!line || qty === 0) continue;
      line.qty -= qty;
      actions.push({ type: 'RELEASE_INVENTORY', skuRef: missing.skuRef, locationRef, qty, reason: 'short pick' });
      exclude.push({ skuRef: missing.skuRef, locationRef });
    }
    if (!exclude.length) return [{ type: 'LOG', level: 'WARN', message: 'SHORT_PICK named nothing this fulfilment carries' }];
    const kept = remaining.filter((line) => line.qty > 0);
    actions.push({ type: 'SET_ATTRIBUTES', attributes: { lines: kept } });
    if (!kept.length) actions.push({ type: 'SET_STATE', status: props.emptyStatus });
    actions.push({ type: 'SEND_EVENT', event: { name: props.resourceEvent, attributes: { exclude } }, target: 'ROOT' });
    return actions;
  },
});
