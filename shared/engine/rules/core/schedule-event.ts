import * as z from 'zod';
import type { EventRequest } from '../../actions';
import { readAttributePath } from '../../attribute-path';
import { RuleFailedError } from '../../engine-errors';
import { defineRule } from '../../rule-registry';
import { delaySecondsSchema, eventNameSchema, eventTargetSchema } from './event-target-schema';

const dueAtOf = (value: unknown): Date | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

export const scheduleEventRule = defineRule({
  name: 'ordo.core.ScheduleEvent',
  description:
    'Schedules an event after delaySeconds, or at the time held in the entity attribute atAttribute (a dot path).',
  props: z
    .strictObject({
      eventName: eventNameSchema,
      delaySeconds: delaySecondsSchema.optional(),
      atAttribute: z.string().trim().min(1).optional(),
      target: eventTargetSchema.optional(),
      attributes: z.record(z.string(), z.unknown()).optional(),
    })
    .refine((props) => (props.delaySeconds === undefined) !== (props.atAttribute === undefined), {
      message: 'give exactly one of delaySeconds and atAttribute',
      path: ['delaySeconds'],
    }),
  run: (ctx, props) => {
    const due =
      props.atAttribute === undefined
        ? new Date(ctx.now.getTime() + (props.delaySeconds ?? 0) * 1000)
        : dueAtOf(readAttributePath(ctx.entity.attributes, props.atAttribute));
    if (!due) {
      throw new RuleFailedError(
        `Cannot schedule '${props.eventName}': attribute '${props.atAttribute}' of ${ctx.entity.entityType} ${ctx.entity.ref} is not a date`,
        'INVALID_DUE_AT',
      );
    }
    const event: EventRequest = { name: props.eventName };
    if (props.attributes) event.attributes = props.attributes;
    const dueAt = due.toISOString();
    return [props.target ? { type: 'SCHEDULE_EVENT', event, dueAt, target: props.target } : { type: 'SCHEDULE_EVENT', event, dueAt }];
  },
});
