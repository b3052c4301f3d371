import type { RuleContext } from '../../rule-registry';

/** What webhooks and bus events carry about the event, and the entity when asked to. */
export const outboundBody = (ctx: RuleContext, includeEntity: boolean | undefined): Record<string, unknown> => {
  const body: Record<string, unknown> = { event: { id: ctx.event.id, name: ctx.event.name } };
  if (includeEntity) body.entity = ctx.entity;
  return body;
};
