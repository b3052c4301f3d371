import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webhookDataOf } from '../../../shared/domain/outbound/webhook-data';
import { webhookDisabledEvent, webhookTestEvent } from '../../../shared/domain/webhooks/webhook-lifecycle-events';
import { countFailure } from '../../../shared/domain/webhooks/subscription-failures';
import type { WebhookSubscription } from '../../../shared/domain/webhooks/webhook-subscription';
import { ManualClock } from '../../support/clock';
import { InMemoryWebhookSubscriptionStore } from '../../support/webhook-subscription-store';

/**
 * The webhook.test and webhook.disabled examples of docs/webhooks.md, held to what the webhook
 * routes and deliveries send for the subscription each example describes.
 */
const docs = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'webhooks.md'), 'utf8');

const example = (type: string): { type: string; timestamp: string; data: Record<string, unknown> } => {
  const found = new RegExp(`<!-- example: webhook ${type.replace('.', '\\.')} -->\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``).exec(docs);
  if (!found) throw new Error(`docs/webhooks.md has no example marked webhook ${type}`);
  return JSON.parse(found[1]);
};

/** The subscription an example names: its id, retailer and description. */
const subscriptionOf = (data: Record<string, unknown>, overrides: Partial<WebhookSubscription> = {}): WebhookSubscription => ({
  webhookId: String(data.webhookId),
  url: 'https://hooks.example.com/ordo',
  events: ['*'],
  status: 'ENABLED',
  retailerId: String(data.retailerId),
  ...(data.description === undefined ? {} : { description: String(data.description) }),
  createdOn: '2025-03-01T00:00:00.000Z',
  ...overrides,
});

const messageOf = (event: ReturnType<typeof webhookTestEvent>) => ({ type: event.type, timestamp: event.occurredOn, data: webhookDataOf(event, false) });

describe('the webhook.test and webhook.disabled examples of docs/webhooks.md', () => {
  it('show exactly the webhook.test message the test route sends', () => {
    // Prepare
    const documented = example('webhook.test');

    // Act
    const sent = messageOf(webhookTestEvent(subscriptionOf(documented.data), String(documented.data.accountId), new Date(documented.timestamp)));

    // Assess
    expect(sent).toEqual(documented);
  });

  it('show exactly the webhook.disabled message the fifth failed message in a row sends', async () => {
    // Prepare: a subscription with four failed messages behind it, whose fifth just failed on HTTP 503.
    const documented = example('webhook.disabled');
    const webhooks = new InMemoryWebhookSubscriptionStore();
    const subscription = subscriptionOf(documented.data);
    await webhooks.create({ subscription, secrets: { v: 1, alg: 'A256GCM', iv: '', tag: '', data: '' }, version: 3, updatedOn: subscription.createdOn, consecutiveFailures: 4 });
    const lastAttempt = { at: documented.timestamp, statusCode: 503, durationMs: 85 };

    // Act
    const disabled = await countFailure(subscription.webhookId, lastAttempt, { webhooks, clock: new ManualClock(documented.timestamp) });

    // Assess
    expect(disabled && messageOf(webhookDisabledEvent(disabled, String(documented.data.accountId)))).toEqual(documented);
  });
});
