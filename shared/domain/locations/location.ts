import * as z from 'zod';
import { retailerIdSchema } from '../../engine/workflow';

export const LOCATION_TYPES = ['STORE', 'WAREHOUSE'] as const;
export const LOCATION_STATUSES = ['ACTIVE', 'INACTIVE'] as const;

export const locationRefSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1 to 64 characters of A-Z, a-z, 0-9 and ._:-');

/** The body of PUT /v1/locations/{ref}. */
export const locationInputSchema = z.strictObject({
  type: z.enum(LOCATION_TYPES),
  name: z.string().trim().min(1).max(200),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  status: z.enum(LOCATION_STATUSES).default('ACTIVE'),
  openingCapacity: z.number().int().positive().optional(),
  /** The retailer that owns the location; none: shared by every retailer of the account. */
  retailerId: retailerIdSchema.optional(),
});

export type LocationInput = z.infer<typeof locationInputSchema>;

export interface Location extends LocationInput {
  ref: string;
  updatedOn: string;
}
