import * as z from 'zod';
import type { Action, EventRequest, EventTarget } from '../../actions';
import { defineRule, type RuleContext } from '../../rule-registry';
import { delaySecondsSchema, eventNameSchema, eventTargetSchema } from './event-target-schema';

export interface EventToSend {
  eventName: string;
  target?: EventTarget;
  delaySeconds?: number;
  attributes?: Record<string, unknown>;
}

/** SEND_EVENT now, or SCHEDULE_EVENT when there is a delay. */
export const sendEventAction = (ctx: RuleContext, props: EventToSend): Action => {
  const event: EventRequest = { name: props.eventName };
  if (props.attributes) event.attributes = props.attributes;
  if (props.delaySeconds !== undefined) {
    const dueAt = new Date(ctx.now.getTime() + props.delaySeconds * 1000).toISOString();
    return props.target ? { type: 'SCHEDULE_EVENT', event, dueAt, target: props.target } : { type: 'SCHEDULE_EVENT', event, dueAt };
  }
  return props.target ? { type: 'SEND_EVENT', event, target: props.target } : { type: 'SEND_EVENT', event };
};

export const sendEventRule = defineRule({
  name: 'ordo.core.SendEvent',
  description:
    'Sends an event to this entity (default), its root, or another entity. Events for the same root run inline; with delaySeconds it is scheduled.',
  props: z.strictObject({
    eventName: eventNameSchema,
    target: eventTargetSchema.optional(),
    delaySeconds: delaySecondsSchema.optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
  }),
  run: (ctx, props) => [sendEventAction(ctx, props)],
});
