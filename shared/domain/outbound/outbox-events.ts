import type { Entity, OutboxRecord, PublishOutboxPayload, WebhookOutboxPayload } from '../../engine/engine-model';
import { defaultWebhookType } from '../../engine/outbound-types';
import { isRecord, withoutSealedValues } from '../privacy/customer-data';
import { attributesView, type CustomerDataOpener } from '../privacy/customer-view';
import type { OutboxOwner } from './account-change';
import { customerDataOpener, hasCustomerData } from './customer-data-opener';
import type { OutboundContext } from './outbound-context';
import type { OutboundEvent } from './outbound-event';

const isEntity = (value: unknown): value is Entity => isRecord(value) && typeof value.entityType === 'string' && typeof value.ref === 'string';

/** A rule's body as it leaves Ordo: the entity (with `includeEntity`) shown with its customer data masked or in clear, no sealed value anywhere. */
const bodyView = (body: Record<string, unknown>, open: CustomerDataOpener, unmasked: boolean): Record<string, unknown> => {
  const { entity, ...rest } = body;
  const shown = withoutSealedValues(rest) as Record<string, unknown>;
  if (!isEntity(entity)) return shown;
  const attributes = isRecord(entity.attributes) ? entity.attributes : {};
  return { ...shown, entity: { ...(withoutSealedValues(entity) as object), attributes: attributesView(attributes, open, unmasked) } };
};

const bodyOf = (payload: Record<string, unknown>, field: 'body' | 'detail') => (isRecord(payload[field]) ? payload[field] : {});

/**
 * A PUBLISH record is one event for the bus (its type the rule's detailType), a WEBHOOK record one
 * message for webhooks (its type the rule's eventType; to one subscription or url when the rule
 * named one). EVENT records are for the events queue and make nothing. The id is the record's, so
 * every relay of one record sends the same id.
 */
export const outboxEventsOf = async (
  change: { owner: OutboxOwner; record: OutboxRecord },
  context: OutboundContext,
): Promise<OutboundEvent[]> => {
  const { owner, record } = change;
  if (record.kind === 'EVENT') return [];
  const origin = record.payload as PublishOutboxPayload | WebhookOutboxPayload;
  const body = bodyOf(record.payload, record.kind === 'PUBLISH' ? 'detail' : 'body');
  const entity = isEntity(body.entity) ? body.entity : undefined;
  const open = entity ? await customerDataOpener(context.accountId, entity, context.keys) : () => undefined;
  const event = {
    id: record.id,
    occurredOn: record.createdOn,
    accountId: context.accountId,
    retailerId: owner.retailerId,
    eventId: owner.eventId,
    entity: { entityType: origin.entityType, ref: origin.entityRef, rootEntityType: origin.rootEntityType, rootRef: origin.rootRef },
    data: { entityStatus: origin.entityStatus, ...bodyView(body, open, false) },
  };
  if (record.kind === 'PUBLISH') {
    return [{ ...event, type: (origin as PublishOutboxPayload).detailType, toBus: true, toWebhooks: false }];
  }
  const webhook = origin as WebhookOutboxPayload;
  const target = webhook.subscription ? { subscription: webhook.subscription } : webhook.url ? { url: webhook.url } : undefined;
  return [
    {
      ...event,
      type: webhook.type ?? defaultWebhookType(origin.entityType, origin.eventName),
      ...(entity && hasCustomerData(entity) ? { dataWithCustomer: { entityStatus: origin.entityStatus, ...bodyView(body, open, true) } } : {}),
      ...(target ? { webhookTarget: target } : {}),
      toBus: false,
      toWebhooks: true,
    },
  ];
};
