import * as z from 'zod';
import { defineRule } from '../../rule-registry';
import { outboundBody } from './outbound-body';

export const publishEventRule = defineRule({
  name: 'ordo.core.PublishEvent',
  description: "Publishes an event with this detail type to the account's event bus, after commit.",
  props: z.strictObject({
    detailType: z.string().trim().min(1).max(128),
    includeEntity: z.boolean().optional(),
  }),
  run: (ctx, props) => [{ type: 'PUBLISH', detailType: props.detailType, payload: outboundBody(ctx, props.includeEntity) }],
});
