import * as z from 'zod';
import { defineRule } from '../../rule-registry';
import { conditionHolds, conditionSchema, conditionStatuses } from './condition';
import { delaySecondsSchema, eventNameSchema, eventTargetSchema } from './event-target-schema';
import { sendEventAction } from './send-event';

export const sendEventIfRule = defineRule({
  name: 'ordo.core.SendEventIf',
  description: 'Sends an event, as SendEvent does, only when the condition on the entity or the event holds.',
  props: z.strictObject({
    eventName: eventNameSchema,
    condition: conditionSchema,
    target: eventTargetSchema.optional(),
    delaySeconds: delaySecondsSchema.optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
  }),
  statusProps: (props) => conditionStatuses(props.condition),
  transitions: () => [],
  run: (ctx, props) => (conditionHolds(props.condition, ctx) ? [sendEventAction(ctx, props)] : []),
});
