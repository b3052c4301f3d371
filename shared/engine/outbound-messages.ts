import type { Action } from './actions';
import type { Entity, OrdoEvent, OutboxOrigin, PublishOutboxPayload, WebhookOutboxPayload } from './engine-model';

export type OutboundAction = Extract<Action, { type: 'WEBHOOK' | 'PUBLISH' }>;

/** What the entity was doing when the message was made, so a receiver needs no read to place it. */
const originOf = (entity: Entity, event: OrdoEvent): OutboxOrigin => ({
  retailerId: entity.retailerId,
  eventName: event.name,
  entityType: entity.entityType,
  entityRef: entity.ref,
  entityStatus: entity.status,
  rootEntityType: entity.rootEntityType,
  rootRef: entity.rootRef,
});

/** The outbox payload of a webhook call or a bus message a rule asked for; it is sent after the commit. */
export const outboundPayload = (action: OutboundAction, entity: Entity, event: OrdoEvent): Record<string, unknown> => {
  if (action.type === 'PUBLISH') {
    const payload: PublishOutboxPayload = { ...originOf(entity, event), detailType: action.detailType, detail: action.payload };
    return payload;
  }
  const payload: WebhookOutboxPayload = { ...originOf(entity, event), type: action.eventType, body: action.payload };
  if (action.url !== undefined) payload.url = action.url;
  if (action.subscription !== undefined) payload.subscription = action.subscription;
  return payload;
};
