import * as z from 'zod';
import type { Action } from '../../actions';
import { RuleFailedError } from '../../engine-errors';
import {
  CUSTOM_OUTBOUND_TYPE,
  MAX_CUSTOM_OUTBOUND_TYPE_LENGTH,
  defaultWebhookType,
  isBuiltInOutboundType,
} from '../../outbound-types';
import { defineRule } from '../../rule-registry';
import { outboundBody } from './outbound-body';

const builtIn = (type: string) => `'${type}' is a built-in event type: name a type of your own with eventType`;

export const sendWebhookRule = defineRule({
  name: 'ordo.core.SendWebhook',
  description:
    'Queues a webhook of type eventType (default <entity type>.<event name> in lower case): to url, to one named subscription, or (with neither) to every subscription of the account whose filter matches.',
  props: z.strictObject({
    url: z.url({ protocol: /^https?$/ }).optional(),
    subscription: z.string().trim().min(1).optional(),
    eventType: z
      .string()
      .max(MAX_CUSTOM_OUTBOUND_TYPE_LENGTH)
      .regex(CUSTOM_OUTBOUND_TYPE, 'must be dot-separated words of a-z, 0-9, _ and - starting with a letter, e.g. order.picked')
      .refine((type) => !isBuiltInOutboundType(type), { error: (issue) => builtIn(String(issue.input)) })
      .optional(),
    includeEntity: z.boolean().optional(),
  }),
  // The default type comes from the ruleset, so a default that is a built-in type is refused on upload.
  problemsIn: (props, ruleset) => {
    const type = props.eventType ?? defaultWebhookType(ruleset.type, ruleset.name);
    return isBuiltInOutboundType(type) ? [`the default type ${builtIn(type)}`] : [];
  },
  run: (ctx, props) => {
    const eventType = props.eventType ?? defaultWebhookType(ctx.entity.entityType, ctx.event.name);
    // A workflow stored before types were checked on upload.
    if (isBuiltInOutboundType(eventType)) throw new RuleFailedError(`ordo.core.SendWebhook: the default type ${builtIn(eventType)}`);
    const action: Extract<Action, { type: 'WEBHOOK' }> = { type: 'WEBHOOK', eventType, payload: outboundBody(ctx, props.includeEntity) };
    if (props.url) action.url = props.url;
    if (props.subscription) action.subscription = props.subscription;
    return [action];
  },
});
