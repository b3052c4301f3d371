import * as z from 'zod';
import type { StockBasis } from '../../engine/engine-model';

export const skuRefSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1 to 64 characters of A-Z, a-z, 0-9 and ._:-');

/** The body of PUT /v1/inventory/{locationRef}/{skuRef}: a full count. */
export const positionInputSchema = z.strictObject({
  onHand: z.number().int().min(0),
  safetyStock: z.number().int().min(0).optional(),
});

export type PositionInput = z.infer<typeof positionInputSchema>;

/** What can still be promised: never below zero, even when a recount falls under the reservations. */
export const availableOf = (position: StockBasis): number =>
  Math.max(0, position.onHand - position.reserved - position.safetyStock);
