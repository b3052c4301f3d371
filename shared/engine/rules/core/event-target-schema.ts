import * as z from 'zod';
import type { EventTarget } from '../../actions';

/** `SELF` (default), `ROOT`, or `{entityType, entityRef}`. */
export const eventTargetSchema = z.union([
  z.literal('SELF'),
  z.literal('ROOT'),
  // The same limits as the Event API, so an event sent to another root can always be queued.
  z.strictObject({ entityType: z.string().trim().min(1).max(200), entityRef: z.string().trim().min(1).max(200) }),
]) satisfies z.ZodType<EventTarget>;

export const eventNameSchema = z.string().trim().min(1).max(200);

/** Seconds from now; at most a year. */
export const delaySecondsSchema = z.number().positive().max(366 * 24 * 3600);
