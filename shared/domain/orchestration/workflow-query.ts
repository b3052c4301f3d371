import { z } from 'zod';

export const workflowQuerySchema = z.strictObject({
  retailerId: z.string().min(1).max(200).optional(),
  version: z.coerce.number().int().positive().optional(),
});
