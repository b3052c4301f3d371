import { randomUUID } from 'node:crypto';
import { ValidationError } from '../domain-errors';

/**
 * One message to a webhook endpoint. `body` is the JSON of `{type, timestamp, data}`, serialized once
 * when the message is made and kept as is: every attempt signs and sends exactly these bytes, so a
 * retry can never differ from the first attempt by key order or number formatting.
 */
export interface WebhookMessage {
  /** `msg_…`; the `webhook-id` header of every attempt, so receivers can drop duplicates. */
  readonly id: string;
  readonly type: string;
  /** When the event happened, ISO 8601. */
  readonly timestamp: string;
  readonly data: unknown;
  readonly body: string;
}

export interface WebhookMessageInput {
  /** Dot-separated event name, e.g. `order.created`. */
  type: string;
  occurredOn: Date;
  data: unknown;
}

const TYPE = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;
const TYPE_MAX_LENGTH = 200;
const ID = /^msg_[A-Za-z0-9_-]{1,64}$/;

/** A fresh message id; random so ids never collide between accounts or retries. */
export const newWebhookMessageId = (): string => `msg_${randomUUID()}`;

export const isWebhookMessageId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);

export const createWebhookMessage = (input: WebhookMessageInput, id: string = newWebhookMessageId()): WebhookMessage => {
  if (!isWebhookMessageId(id)) throw new ValidationError('id must be "msg_" followed by up to 64 letters, digits, "_" or "-"', 'id');
  if (typeof input.type !== 'string' || input.type.length > TYPE_MAX_LENGTH || !TYPE.test(input.type)) {
    throw new ValidationError(`type must be dot-separated words of letters, digits, "_" or "-", at most ${TYPE_MAX_LENGTH} characters`, 'type');
  }
  if (Number.isNaN(input.occurredOn.getTime())) throw new ValidationError('occurredOn must be a valid date', 'occurredOn');
  if (input.data === undefined) throw new ValidationError('data is required', 'data');
  const timestamp = input.occurredOn.toISOString();
  const body = JSON.stringify({ type: input.type, timestamp, data: input.data });
  return { id, type: input.type, timestamp, data: JSON.parse(body).data, body };
};
