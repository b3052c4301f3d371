import * as z from 'zod';
import { skuRefSchema } from '../inventory/position';
import { locationRefSchema } from '../locations/location';
import { retailerIdSchema } from '../../engine/workflow';

const text = (max: number) => z.string().trim().min(1).max(max);

/** The customer of an order: sealed at rest, masked to keys without CUSTOMER_READ. */
export const customerSchema = z.strictObject({
  name: text(200),
  email: z.email().max(320),
  phone: text(40).optional(),
});

export const deliveryAddressSchema = z.strictObject({
  line1: text(200),
  line2: text(200).optional(),
  city: text(100),
  postcode: text(20),
  country: text(2).regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code, e.g. GB'),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

/** The body of POST /v1/orders. */
export const orderInputSchema = z
  .strictObject({
    ref: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1 to 64 characters of A-Z, a-z, 0-9 and ._:-'),
    retailerId: retailerIdSchema,
    type: z.enum(['HD', 'CC']),
    customer: customerSchema,
    deliveryAddress: deliveryAddressSchema.optional(),
    pickupLocationRef: locationRefSchema.optional(),
    lines: z
      .array(
        z.strictObject({
          skuRef: skuRefSchema,
          qty: z.number().int().positive().max(10_000),
          unitPrice: z.number().nonnegative(),
          currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code, e.g. GBP'),
        }),
      )
      .min(1)
      .max(200),
  })
  .superRefine((order, context) => {
    if (order.type === 'HD' && !order.deliveryAddress) {
      context.addIssue({ code: 'custom', path: ['deliveryAddress'], message: 'deliveryAddress is required for an HD order' });
    }
    if (order.type === 'CC' && !order.pickupLocationRef) {
      context.addIssue({ code: 'custom', path: ['pickupLocationRef'], message: 'pickupLocationRef is required for a CC order' });
    }
  });

export type OrderInput = z.infer<typeof orderInputSchema>;

export const orderModeSchema = z.strictObject({ mode: z.enum(['sync', 'async']).default('async') });
