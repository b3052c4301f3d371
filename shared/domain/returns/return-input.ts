import * as z from 'zod';
import { retailerIdSchema } from '../../engine/workflow';
import { locationRefSchema } from '../locations/location';

const ref = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1 to 64 characters of A-Z, a-z, 0-9 and ._:-');

/** The body of POST /v1/returns. The retailer is the order's; a key scoped to a retailer needs not name it. */
export const returnInputSchema = z.strictObject({
  ref,
  orderRef: ref,
  retailerId: retailerIdSchema.optional(),
  returnLocationRef: locationRefSchema,
  lines: z
    .array(
      z.strictObject({
        lineRef: z.string().min(1).max(64),
        qty: z.number().int().positive().max(10_000),
        reason: z.string().trim().min(1).max(200),
      }),
    )
    .min(1)
    .max(200)
    .superRefine((lines, context) => {
      const seen = new Set<string>();
      lines.forEach((line, index) => {
        if (seen.has(line.lineRef)) {
          context.addIssue({ code: 'custom', path: [index, 'lineRef'], message: `line ${line.lineRef} is named twice: give it once with its whole qty` });
        }
        seen.add(line.lineRef);
      });
    }),
});

export type ReturnInput = z.infer<typeof returnInputSchema>;
