/**
 * The types of the events Ordo itself sends out (to the bus and to webhooks). A workflow's own
 * webhook types (`ordo.core.SendWebhook`'s `eventType`) must differ from them, so a receiver can
 * trust a built-in type's payload to have its documented shape.
 */
export const BUILT_IN_OUTBOUND_TYPES = [
  'order.created',
  'order.status_changed',
  'fulfilment.status_changed',
  'return.received',
  'batch.completed',
  'event.failed',
  'webhook.test',
  'webhook.disabled',
] as const;

export const isBuiltInOutboundType = (type: string): boolean => (BUILT_IN_OUTBOUND_TYPES as readonly string[]).includes(type);

export const MAX_CUSTOM_OUTBOUND_TYPE_LENGTH = 100;

/**
 * A workflow's own type: dot-separated words of a-z, 0-9, `_` and `-`, starting with a letter,
 * which is what a webhook subscription can name and a webhook message can carry.
 */
export const CUSTOM_OUTBOUND_TYPE = /^[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*$/;

const word = (value: string, length: number) => value.toLowerCase().replace(/[^a-z0-9]/g, '_').slice(0, length);

/**
 * The type of a webhook a rule sends without naming one: `<entity type>.<event name>` in lower
 * case, every character other than a-z and 0-9 as `_` (`FULFILMENT` + `SHORT-PICK` →
 * `fulfilment.short_pick`), each part cut so the whole stays a valid custom type.
 */
export const defaultWebhookType = (entityType: string, eventName: string): string => {
  const entity = word(entityType, 50);
  return `${/^[a-z]/.test(entity) ? entity : `entity_${entity}`.slice(0, 50)}.${word(eventName, 49)}`;
};
