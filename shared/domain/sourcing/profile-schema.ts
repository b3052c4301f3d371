import * as z from 'zod';
import { LOCATION_TYPES, RANKING_CRITERIA, type SourcingProfile } from './sourcing-model';

const unique = (values: readonly string[]) => new Set(values).size === values.length;

/** The body of PUT /v1/sourcing-profiles/{retailerId}. */
export const sourcingProfileSchema = z.strictObject({
  maxSplit: z.number().int().min(1).max(10),
  locationTypes: z
    .array(z.enum(LOCATION_TYPES))
    .min(1)
    .refine(unique, { message: 'must not repeat a location type' }),
  ranking: z
    .array(z.enum(RANKING_CRITERIA))
    .length(RANKING_CRITERIA.length, { message: `must list each of ${RANKING_CRITERIA.join(', ')} once` })
    .refine(unique, { message: `must list each of ${RANKING_CRITERIA.join(', ')} once` }),
  maxPlans: z.number().int().min(1).max(20).optional(),
}) satisfies z.ZodType<SourcingProfile>;
