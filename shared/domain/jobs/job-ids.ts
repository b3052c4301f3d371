import * as z from 'zod';
import { validate } from '../validation';

// Ordo makes job and batch ids (UUIDs); a longer one names nothing and must not reach a key.
const idSchema = z.string().min(1).max(200);

/** A job or batch id from a path, checked before it is looked up. */
export const jobIdFrom = (value: string, field: 'jobId' | 'batchId'): string => validate(idSchema, value, field);
