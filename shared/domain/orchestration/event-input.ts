import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { EventSource, OrdoEvent } from '../../engine/engine-model';
import { ForbiddenError } from '../domain-errors';
import { retailerIdSchema } from '../../engine/workflow';

const token = z.string().trim().min(1).max(200);

/** The Fluent-shaped event body that integrators post. */
export const eventInputSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'must be 1 to 100 characters of A-Z, a-z, 0-9 and ._:-')
    .optional(),
  name: token,
  retailerId: retailerIdSchema,
  entityType: token,
  entityRef: token,
  entitySubtype: token.optional(),
  rootEntityType: token.optional(),
  rootEntityRef: token.optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  scheduledOn: z.iso.datetime({ offset: true }).optional(),
});

export type EventInput = z.infer<typeof eventInputSchema>;

/**
 * An event as the engine runs it. A key scoped to one retailer may only send that
 * retailer's events.
 */
export const toOrdoEvent = (
  input: EventInput,
  source: EventSource,
  scope: { retailerId?: string } = {},
): OrdoEvent => {
  if (scope.retailerId && scope.retailerId !== input.retailerId) {
    throw new ForbiddenError(`This key may only send events of retailer ${scope.retailerId}`);
  }
  return { ...input, id: input.id ?? randomUUID(), source };
};
