import * as z from 'zod';
import { retailerIdSchema } from '../../engine/workflow';

export const workflowQuerySchema = z.strictObject({
  retailerId: retailerIdSchema.optional(),
  version: z.coerce.number().int().positive().optional(),
});

/** The workflow a route's path names: `/v1/workflows/{entityType}/{subtype}`. */
export const workflowPathSchema = z.object({ entityType: z.string(), subtype: z.string() });
