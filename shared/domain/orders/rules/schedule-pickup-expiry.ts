import * as z from 'zod';
import { defineRule } from '../../../engine/rule-registry';

/**
 * A click-and-collect parcel waits holdHours for its customer, then eventName (e.g. EXPIRE)
 * fires. An `expiresAt` attribute on the event (ISO time) overrides the hold, e.g. for a
 * store that closes early.
 */
export const schedulePickupExpiryRule = defineRule({
  name: 'ordo.fulfilment.SchedulePickupExpiry',
  description: 'Schedules eventName holdHours from now, or at the event attribute expiresAt.',
  props: z.strictObject({ eventName: z.string().min(1), holdHours: z.number().positive().max(24 * 30) }),
  run: (ctx, props) => {
    const requested = ctx.event.attributes?.expiresAt;
    const at = typeof requested === 'string' && !Number.isNaN(Date.parse(requested)) ? new Date(requested) : undefined;
    const dueAt = at ?? new Date(ctx.now.getTime() + props.holdHours * 3_600_000);
    return [{ type: 'SCHEDULE_EVENT', event: { name: props.eventName }, dueAt: dueAt.toISOString() }];
  },
});
