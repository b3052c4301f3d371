import * as z from 'zod';
import type { Action } from '../../actions';
import { defineRule } from '../../rule-registry';
import { outboundBody } from './outbound-body';

export const sendWebhookRule = defineRule({
  name: 'ordo.core.SendWebhook',
  description:
    "Queues a webhook: to url, to one named subscription, or (with neither) to every subscription of the account whose filter matches.",
  props: z.strictObject({
    url: z.url({ protocol: /^https?$/ }).optional(),
    subscription: z.string().trim().min(1).optional(),
    includeEntity: z.boolean().optional(),
  }),
  run: (ctx, props) => {
    const action: Extract<Action, { type: 'WEBHOOK' }> = { type: 'WEBHOOK', payload: outboundBody(ctx, props.includeEntity) };
    if (props.url) action.url = props.url;
    if (props.subscription) action.subscription = props.subscription;
    return [action];
  },
});
