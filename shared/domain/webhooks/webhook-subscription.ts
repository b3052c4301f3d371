import * as z from 'zod';
import { BUILT_IN_OUTBOUND_TYPES } from '../../engine/outbound-types';
import { retailerIdSchema } from '../../engine/workflow';
import type { Sealed } from '../privacy/sealed';
import { MAX_WEBHOOK_URL_LENGTH } from './webhook-target-policy';

/** The events Ordo itself sends; an account may also subscribe to its own custom types. */
export const WEBHOOK_EVENT_TYPES = BUILT_IN_OUTBOUND_TYPES;

/** Subscribes to every type, present and future. */
export const ALL_WEBHOOK_EVENTS = '*';
export const MAX_WEBHOOK_EVENT_TYPES = 50;
export const WEBHOOK_STATUSES = ['ENABLED', 'DISABLED'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

const eventTypeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{0,99}$/, 'must be "*" or an event type of 1 to 100 characters of a-z, 0-9 and _.- starting with a letter');

export const webhookEventsSchema = z
  .array(z.union([z.literal(ALL_WEBHOOK_EVENTS), eventTypeSchema]))
  .min(1, 'must name at least one event type, or "*" for all')
  .max(MAX_WEBHOOK_EVENT_TYPES, `must name at most ${MAX_WEBHOOK_EVENT_TYPES} event types`)
  .refine((events) => !events.includes(ALL_WEBHOOK_EVENTS) || events.length === 1, 'must be ["*"] alone or a list of event types');

const urlSchema = z.string().min(1).max(MAX_WEBHOOK_URL_LENGTH);

export const webhookIdSchema = z.string().regex(/^wh_[A-Za-z0-9-]{1,64}$/, 'must be "wh_" followed by up to 64 letters, digits or "-"');

/** The body that creates a subscription. */
export const createWebhookSchema = z.strictObject({
  url: urlSchema,
  events: webhookEventsSchema,
  description: z.string().trim().min(1).max(500).optional(),
  /** The retailer whose events are sent; none: every retailer's. */
  retailerId: retailerIdSchema.optional(),
  /** Whether payloads carry the customer's data in clear. */
  includeCustomer: z.boolean().optional(),
});

/** The body that changes a subscription: at least one field. */
export const updateWebhookSchema = z
  .strictObject({ url: urlSchema.optional(), events: webhookEventsSchema.optional(), status: z.enum(WEBHOOK_STATUSES).optional() })
  .refine((update) => Object.values(update).some((value) => value !== undefined), 'must change at least one of url, events or status');

export type CreateWebhookInput = z.input<typeof createWebhookSchema>;
export type UpdateWebhookInput = z.input<typeof updateWebhookSchema>;

/** A subscription as callers see it: never its secret, which is shown once. */
export interface WebhookSubscription {
  webhookId: string;
  url: string;
  events: string[];
  status: WebhookStatus;
  description?: string;
  retailerId?: string;
  includeCustomer?: boolean;
  createdOn: string;
  /** Why deliveries turned the subscription DISABLED; present only while it stays DISABLED for that reason. */
  disabledReason?: string;
}

/** A subscription as the store keeps it: its secrets sealed with the account's data key. */
export interface WebhookSubscriptionRecord {
  subscription: WebhookSubscription;
  /** The current secret and, after a rotation, the previous one with its rotation time, as one sealed value. */
  secrets: Sealed;
  /** Counts the writes, so a change made from a stale read is refused. */
  version: number;
  updatedOn: string;
  /** Messages FAILED in a row since the last one DELIVERED; at 5 the subscription is DISABLED. */
  consecutiveFailures?: number;
}

/** Whether a subscription wants events of `type`. */
export const subscribesTo = (subscription: Pick<WebhookSubscription, 'events'>, type: string): boolean =>
  subscription.events.includes(ALL_WEBHOOK_EVENTS) || subscription.events.includes(type);
