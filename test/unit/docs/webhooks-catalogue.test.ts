import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { busDetailOf } from '../../../shared/domain/outbound/bus-detail';
import { outboundEventsOf } from '../../../shared/domain/outbound/change-events';
import { webhookDataOf } from '../../../shared/domain/outbound/webhook-data';
import { WEBHOOK_EVENT_TYPES } from '../../../shared/domain/webhooks/webhook-subscription';
import { outboundContext } from '../../support/account-changes';
import { catalogueChanges } from './catalogue-changes';
import { schemaProblems } from './schema-conformance';

/**
 * docs/webhooks.md and openapi.yaml's `webhooks` are what integrators build against. These tests
 * keep them in step with the code: every built-in type documented in both, and every example
 * exactly what Ordo sends for the change it describes.
 */

const ROOT = join(__dirname, '..', '..', '..');
const docs = readFileSync(join(ROOT, 'docs', 'webhooks.md'), 'utf8');

interface OpenApi {
  openapi: string;
  webhooks: Record<string, { post: { requestBody: { content: Record<string, { schema: { $ref: string }; example: unknown }> } } }>;
}
const openApi = load(readFileSync(join(ROOT, 'openapi.yaml'), 'utf8')) as OpenApi;
const resolve = (ref: string) =>
  ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], openApi) as Record<string, never>;

/** The examples of docs/webhooks.md, by their `<!-- example: <kind> <type> -->` marker. */
const examples = new Map(
  [...docs.matchAll(/<!-- example: ([\w-]+) ([\w.]+) -->\n```json\n([\s\S]*?)\n```/g)].map(([, kind, type, json]) => [`${kind} ${type}`, JSON.parse(json)]),
);
const example = (key: string) => {
  if (!examples.has(key)) throw new Error(`docs/webhooks.md has no example marked ${key}`);
  return examples.get(key);
};

/** The one outbound event `outboundEventsOf` makes of the change described for `type`. */
const eventFor = async (type: string) => {
  const context = outboundContext();
  const events = await outboundEventsOf(await catalogueChanges[type](context), context);
  expect(events).toHaveLength(1);
  return events[0];
};

const messageOf = async (type: string, includeCustomer = false) => {
  const event = await eventFor(type);
  return { type: event.type, timestamp: event.occurredOn, data: webhookDataOf(event, includeCustomer) };
};

const openApiMessage = (type: string) => openApi.webhooks[type]?.post.requestBody.content['application/json'];

/** Types Ordo sends for changes of an account, as opposed to those the webhook routes send. */
const FROM_CHANGES = WEBHOOK_EVENT_TYPES.filter((type) => !type.startsWith('webhook.'));

describe('the webhook catalogue', () => {
  it('finds examples in docs/webhooks.md, so the comparisons below are not vacuous', () => {
    // Assess
    expect(examples.size).toBeGreaterThanOrEqual(WEBHOOK_EVENT_TYPES.length + 3);
  });

  it('documents every built-in type under its own heading in docs/webhooks.md, with an example', () => {
    // Act
    const undocumented = WEBHOOK_EVENT_TYPES.filter((type) => !docs.includes(`### \`${type}\``) || !examples.has(`webhook ${type}`));

    // Assess
    expect(undocumented).toEqual([]);
  });

  it('documents no built-in type docs/webhooks.md names that Ordo does not send', () => {
    // Act
    const headed = [...docs.matchAll(/^### `([\w.]+)`$/gm)].map(([, type]) => type);

    // Assess
    expect(headed.sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
  });

  it("lists every built-in type, and nothing else, in openapi.yaml's webhooks", () => {
    // Assess
    expect(Object.keys(openApi.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
  });

  it('is an OpenAPI 3.1 document, the version that has webhooks', () => {
    // Assess
    expect(openApi.openapi).toMatch(/^3\.1\./);
  });

  it.each(FROM_CHANGES)('shows in docs/webhooks.md exactly the %s message Ordo sends for the change it describes', async (type) => {
    // Act
    const sent = await messageOf(type);

    // Assess
    expect(example(`webhook ${type}`)).toEqual(sent);
  });

  it("shows in docs/webhooks.md the order.created message an includeCustomer subscription gets, customer data in clear", async () => {
    // Act
    const sent = await messageOf('order.created', true);

    // Assess
    expect(example('webhook-with-customer order.created')).toEqual(sent);
  });

  it('shows in docs/webhooks.md exactly the message of a workflow’s own type that SendWebhook sends', async () => {
    // Act
    const sent = await messageOf('fulfilment.picked');

    // Assess
    expect(example('webhook fulfilment.picked')).toEqual(sent);
  });

  it.each(['order.status_changed', 'OrderPicked'])('shows in docs/webhooks.md exactly the %s event Ordo puts on the bus', async (type) => {
    // Prepare
    const event = await eventFor(type);

    // Act
    const documented = example(`bus ${type}`);

    // Assess
    expect({ source: documented.source, detailType: documented['detail-type'], detail: documented.detail }).toEqual({
      source: 'ordo.sandbox',
      detailType: type,
      detail: busDetailOf(event),
    });
  });

  it.each(['webhook.test', 'webhook.disabled'])('shows in docs/webhooks.md a %s message in the shape of every message', (type) => {
    // Act
    const documented = example(`webhook ${type}`);

    // Assess
    expect(documented).toEqual({ type, timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), data: expect.objectContaining({ accountId: 'acme', webhookId: expect.stringMatching(/^wh_/) }) });
  });

  it.each(WEBHOOK_EVENT_TYPES)("gives openapi.yaml's %s webhook the example docs/webhooks.md shows", (type) => {
    // Assess
    expect(openApiMessage(type)?.example).toEqual(example(`webhook ${type}`));
  });

  it.each(WEBHOOK_EVENT_TYPES)("finds the %s example fits the message schema openapi.yaml declares for it", (type) => {
    // Prepare
    const message = openApiMessage(type);

    // Act
    const problems = schemaProblems(message?.example, message?.schema ?? {}, resolve);

    // Assess
    expect(problems).toEqual([]);
  });

  it("finds the includeCustomer example fits openapi.yaml's order.created schema too", () => {
    // Act
    const problems = schemaProblems(example('webhook-with-customer order.created'), openApiMessage('order.created')?.schema ?? {}, resolve);

    // Assess
    expect(problems).toEqual([]);
  });

  it("finds the SendWebhook example fits openapi.yaml's SendWebhookMessage schema", () => {
    // Act
    const problems = schemaProblems(example('webhook fulfilment.picked'), { $ref: '#/components/schemas/SendWebhookMessage' }, resolve);

    // Assess
    expect(problems).toEqual([]);
  });
});
