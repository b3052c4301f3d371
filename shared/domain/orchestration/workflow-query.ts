import * as z from 'zod';
import { retailerIdSchema } from '../../engine/workflow';

export const workflowQuerySchema = z.strictObject({
  retailerId: retailerIdSchema.optional(),
  version: z.coerce.number().int().positive().optional(),
});
