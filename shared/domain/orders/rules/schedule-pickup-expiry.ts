import * as z from 'zod';
import { defineRule } from '../../../engine/rule-registry';
import { CC_PICKUP_EXPIRY_HOURS } from '../../settings/setting-catalogue';

/**
 * A click-and-collect parcel waits for its customer, then eventName (e.g. EXPIRE) fires. The
 * wait is the retailer's CC pickup expiry setting when one is set, else holdHours. An
 * `expiresAt` attribute on the event (ISO time) overrides both, e.g. for a store that closes early.
 */
export const schedulePickupExpiryRule = defineRule({
  name: 'ordo.fulfilment.SchedulePickupExpiry',
  description: `Schedules eventName after the ${CC_PICKUP_EXPIRY_HOURS} setting (holdHours when unset), or at the event attribute expiresAt.`,
  props: z.strictObject({ eventName: z.string().min(1), holdHours: z.number().positive().max(24 * 30) }),
  run: async (ctx, props) => {
    const requested = ctx.event.attributes?.expiresAt;
    const at = typeof requested === 'string' && !Number.isNaN(Date.parse(requested)) ? new Date(requested) : undefined;
    const set = at ? undefined : await ctx.setting(CC_PICKUP_EXPIRY_HOURS);
    const hours = typeof set === 'number' ? set : props.holdHours;
    const dueAt = at ?? new Date(ctx.now.getTime() + hours * 3_600_000);
    return [{ type: 'SCHEDULE_EVENT', event: { name: props.eventName }, dueAt: dueAt.toISOString() }];
  },
});
