import * as z from 'zod';
import type { Action } from '../../../engine/actions';
import { RuleFailedError } from '../../../engine/engine-errors';
import { defineRule } from '../../../engine/rule-registry';
import { RETURN_CONDITIONS, returnAttributes, type ReturnLine } from '../return-order';
import { refundableAmount } from '../refundable-amount';

const receiptSchema = z.array(z.strictObject({ lineRef: z.string().min(1), condition: z.enum(RETURN_CONDITIONS) })).min(1);

/**
 * The goods came back (event attribute `lines: [{lineRef, condition}]`, one per line of the
 * return): RESALEABLE units go back on hand at the return location, DAMAGED ones do not. The
 * return keeps each line's condition and what is to be refunded for them.
 */
export const receiveReturnRule = defineRule({
  name: 'ordo.return.ReceiveReturn',
  description: 'Records the condition of each returned line, restocks the RESALEABLE units at the return location and sets refundableAmount.',
  props: z.strictObject({ restockConditions: z.array(z.enum(RETURN_CONDITIONS)).default(['RESALEABLE']) }),
  run: (ctx, props): Action[] => {
    const parsed = receiptSchema.safeParse(ctx.event.attributes?.lines);
    if (!parsed.success) {
      throw new RuleFailedError(
        `A RECEIVE event needs attributes.lines: [{lineRef, condition}] with condition one of ${RETURN_CONDITIONS.join(', ')}`,
        'INVALID_RECEIPT',
      );
    }
    const conditions = new Map(parsed.data.map((line) => [line.lineRef, line.condition]));
    const { lines: stored, returnLocationRef, currency } = returnAttributes(ctx.entity);
    // A return created through the Event API may carry anything: no lines means every condition names an unknown line.
    const lines = Array.isArray(stored) ? stored : [];
    const unknown = [...conditions.keys()].filter((lineRef) => !lines.some((line) => line.lineRef === lineRef));
    const missing = lines.filter((line) => !conditions.has(line.lineRef)).map((line) => line.lineRef);
    if (unknown.length || missing.length) {
      const problems = [
        ...(missing.length ? [`no condition for line ${missing.join(', ')}`] : []),
        ...(unknown.length ? [`line ${unknown.join(', ')} is not on this return`] : []),
      ];
      throw new RuleFailedError(`A RECEIVE event gives a condition for every line of the return: ${problems.join('; ')}`, 'INVALID_RECEIPT');
    }
    const received: ReturnLine[] = lines.map((line) => ({ ...line, condition: conditions.get(line.lineRef) }));
    const refund = refundableAmount(received);
    const actions: Action[] = received
      .filter((line) => line.condition !== undefined && props.restockConditions.includes(line.condition))
      .map((line) => ({
        type: 'RESTOCK_INVENTORY',
        skuRef: line.skuRef,
        locationRef: returnLocationRef,
        qty: line.qty,
        reason: `returned ${line.condition}`,
      }));
    actions.push({ type: 'SET_ATTRIBUTES', attributes: { lines: received, refundableAmount: refund } });
    // The event's trail says what return.received will tell the payment system, beside the restocks.
    actions.push({ type: 'LOG', message: `return.received: ${refund} ${currency} refundable for ${received.length} line(s)` });
    return actions;
  },
});
