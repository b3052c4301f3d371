import { randomUUID } from 'node:crypto';
import type { Clock } from '../../ports/clock';
import type { HostResolver } from '../../ports/host-resolver';
import type { DataKeys } from '../../ports/keyring';
import type { WebhookSubscriptionStore } from '../../ports/webhook-subscription-store';
import type { AccountPrincipal } from '../accounts/principal';
import { ConflictError, ForbiddenError, NotFoundError } from '../domain-errors';
import { retailerFor, visibleTo } from '../orchestration/retailer-scope';
import { validate } from '../validation';
import { generateWebhookSecret } from './webhook-secret';
import { openWebhookSecrets, sealWebhookSecrets } from './webhook-secret-sealing';
import {
  createWebhookSchema,
  updateWebhookSchema,
  webhookIdSchema,
  type CreateWebhookInput,
  type UpdateWebhookInput,
  type WebhookSubscription,
  type WebhookSubscriptionRecord,
} from './webhook-subscription';
import { resolveWebhookTarget } from './webhook-target';
import type { WebhookTargetPolicy } from './webhook-target-policy';

/** What managing an account's subscriptions needs. */
export interface WebhookSubscriptions {
  webhooks: WebhookSubscriptionStore;
  keys: DataKeys;
  resolver: HostResolver;
  policy: WebhookTargetPolicy;
  clock: Clock;
}

type Caller = Pick<AccountPrincipal, 'accountId' | 'retailerId' | 'permissions'>;

/** A subscription with its secret: the only answers that show it. */
export type WebhookSubscriptionWithSecret = WebhookSubscription & { secret: string };

const newWebhookId = (): string => `wh_${randomUUID()}`;

/** The url as stored; refused with a 400 naming `url` when a webhook must not reach it. */
const checkedUrl = async (url: string, { policy, resolver }: WebhookSubscriptions): Promise<string> => {
  await resolveWebhookTarget(url, policy, resolver);
  return url;
};

/**
 * The subscription `webhookId` as the caller may see it: one of another retailer, or of every
 * retailer when the key is scoped to one, is not there as far as the key can tell.
 */
export const visibleRecord = async (
  webhookId: string,
  caller: Caller,
  { webhooks }: Pick<WebhookSubscriptions, 'webhooks'>,
): Promise<WebhookSubscriptionRecord> => {
  const id = validate(webhookIdSchema, webhookId, 'webhookId');
  const record = await webhooks.get(id);
  if (!record || !visibleTo(record.subscription.retailerId, caller)) throw new NotFoundError(`No webhook ${webhookId} in this account`);
  return record;
};

/** Tries of a change before it is answered as a conflict: each reads the subscription afresh. */
const CHANGE_TRIES = 3;

/**
 * Writes the change `change` makes to the subscription as read, again on a fresh read when the subscription
 * changed meanwhile: deliveries count failures on the same record, and the caller's change (a url, events, a
 * status, a new secret) holds whatever the count is. A subscription deleted meanwhile is not found; one that keeps
 * changing is a conflict.
 */
const changed = async <R>(
  webhookId: string,
  caller: Caller,
  context: WebhookSubscriptions,
  change: (read: WebhookSubscriptionRecord) => Promise<{ record: WebhookSubscriptionRecord; answer: R }>,
): Promise<R> => {
  for (let tried = 0; tried < CHANGE_TRIES; tried++) {
    const read = await visibleRecord(webhookId, caller, context);
    const { record, answer } = await change(read);
    if (await context.webhooks.replace(record, read.version)) return answer;
    if (!(await context.webhooks.get(read.subscription.webhookId))) throw new NotFoundError(`No webhook ${webhookId} in this account`);
  }
  throw new ConflictError(`Webhook ${webhookId} changed while it was written: send it again`, 'webhookId');
};

/**
 * Subscribes an endpoint. A key scoped to a retailer subscribes to its own retailer's events;
 * an unscoped key to one retailer's or, naming none, to every retailer's. Customer data in clear
 * goes only where a caller allowed to read it sends it.
 */
export const createWebhook = async (
  input: CreateWebhookInput,
  caller: Caller,
  context: WebhookSubscriptions,
): Promise<WebhookSubscriptionWithSecret> => {
  const body = validate(createWebhookSchema, input);
  const retailerId = caller.retailerId ? retailerFor(body.retailerId, caller) : body.retailerId;
  if (body.includeCustomer && !caller.permissions.has('CUSTOMER_READ')) {
    throw new ForbiddenError('includeCustomer needs the CUSTOMER_READ permission, which this key does not have');
  }
  const url = await checkedUrl(body.url, context);
  const webhookId = newWebhookId();
  const now = context.clock.now().toISOString();
  const secret = generateWebhookSecret();
  const subscription: WebhookSubscription = {
    webhookId,
    url,
    events: body.events,
    status: 'ENABLED',
    ...(body.description === undefined ? {} : { description: body.description }),
    ...(retailerId === undefined ? {} : { retailerId }),
    ...(body.includeCustomer === undefined ? {} : { includeCustomer: body.includeCustomer }),
    createdOn: now,
  };
  const secrets = await sealWebhookSecrets(caller.accountId, webhookId, { current: secret }, context.keys);
  if (!(await context.webhooks.create({ subscription, secrets, version: 1, updatedOn: now }))) {
    // Ids are random: a clash means something else wrote this id, not that the caller erred.
    throw new Error(`Webhook id ${webhookId} is already taken`);
  }
  return { ...subscription, secret };
};

/** The subscriptions the caller may see: a scoped key sees its own retailer's alone. */
export const listWebhooks = async (_input: unknown, caller: Caller, { webhooks }: WebhookSubscriptions) => ({
  items: (await webhooks.list()).map((record) => record.subscription).filter((subscription) => visibleTo(subscription.retailerId, caller)),
});

export const getWebhook = async ({ webhookId }: { webhookId: string }, caller: Caller, context: WebhookSubscriptions): Promise<WebhookSubscription> =>
  (await visibleRecord(webhookId, caller, context)).subscription;

/** Changes the url (checked again), the events or the status. */
export const updateWebhook = async (
  { webhookId, changes }: { webhookId: string; changes: UpdateWebhookInput },
  caller: Caller,
  context: WebhookSubscriptions,
): Promise<WebhookSubscription> => {
  const body = validate(updateWebhookSchema, changes);
  const url = body.url === undefined ? undefined : await checkedUrl(body.url, context);
  return changed(webhookId, caller, context, async (read) => {
    // Enabling starts afresh: the reason it was disabled and the failures that led there are gone.
    const { disabledReason: _reason, ...kept } = read.subscription;
    const enabling = body.status === 'ENABLED';
    const subscription: WebhookSubscription = {
      ...(enabling ? kept : read.subscription),
      ...(url === undefined ? {} : { url }),
      ...(body.events === undefined ? {} : { events: body.events }),
      ...(body.status === undefined ? {} : { status: body.status }),
    };
    const failures = enabling ? { consecutiveFailures: 0 } : {};
    return { record: { ...read, subscription, ...failures, version: read.version + 1, updatedOn: context.clock.now().toISOString() }, answer: subscription };
  });
};

export const deleteWebhook = async ({ webhookId }: { webhookId: string }, caller: Caller, context: WebhookSubscriptions): Promise<void> => {
  const { subscription } = await visibleRecord(webhookId, caller, context);
  if (!(await context.webhooks.delete(subscription.webhookId))) throw new NotFoundError(`No webhook ${webhookId} in this account`);
};

/**
 * Gives the subscription a new secret. The one it replaces keeps signing, beside the new one,
 * for the rotation grace, so the receiver can switch over without refusing a delivery.
 */
export const rotateWebhookSecret = async (
  { webhookId }: { webhookId: string },
  caller: Caller,
  context: WebhookSubscriptions,
): Promise<WebhookSubscriptionWithSecret> => {
  return changed(webhookId, caller, context, async (read) => {
    const id = read.subscription.webhookId;
    const now = context.clock.now();
    const { current } = await openWebhookSecrets(caller.accountId, id, read.secrets, context.keys);
    const secret = generateWebhookSecret();
    const secrets = await sealWebhookSecrets(caller.accountId, id, { current: secret, previous: { secret: current, rotatedOn: now } }, context.keys);
    return { record: { ...read, secrets, version: read.version + 1, updatedOn: now.toISOString() }, answer: { ...read.subscription, secret } };
  });
};
