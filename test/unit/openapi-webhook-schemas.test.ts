import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type * as z from 'zod';
import { createWebhook } from '../../shared/domain/webhooks/manage-webhooks';
import { WEBHOOK_STATUSES, createWebhookSchema, updateWebhookSchema } from '../../shared/domain/webhooks/webhook-subscription';
import { ManualClock } from '../support/clock';
import { FixedDataKeys } from '../support/data-keys';
import { FakeHostResolver } from '../support/host-resolver';
import { accountPrincipal } from '../support/principals';
import { InMemoryWebhookSubscriptionStore } from '../support/webhook-subscription-store';

/**
 * The webhook schemas of openapi.yaml against the code: the bodies the routes take field for
 * field, and the subscriptions they answer with nothing undocumented in them.
 */

interface ObjectSchema {
  $ref?: string;
  required?: string[];
  properties?: Record<string, { enum?: string[]; $ref?: string }>;
  allOf?: ObjectSchema[];
  additionalProperties?: boolean;
}

const schemas = (load(readFileSync(join(__dirname, '..', '..', 'openapi.yaml'), 'utf8')) as { components: { schemas: Record<string, ObjectSchema> } })
  .components.schemas;

const fieldsOf = (schema: z.ZodObject) => Object.keys(schema.shape).sort();
const requiredFieldsOf = (schema: z.ZodObject) =>
  Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name)
    .sort();

/** A subscription as POST /v1/webhooks answers it, with every optional field set. */
const createdSubscription = () =>
  createWebhook(
    { url: 'https://hooks.example.com/ordo', events: ['order.created'], description: 'ERP', retailerId: 'r1', includeCustomer: true },
    accountPrincipal(),
    {
      webhooks: new InMemoryWebhookSubscriptionStore(),
      keys: new FixedDataKeys(),
      resolver: new FakeHostResolver({ 'hooks.example.com': ['93.184.216.34'] }),
      policy: { allowInsecureLocal: false },
      clock: new ManualClock('2025-03-14T09:00:00.000Z'),
    },
  );

describe("openapi.yaml's webhook schemas", () => {
  it.each([
    ['CreateWebhook', createWebhookSchema],
    ['UpdateWebhook', updateWebhookSchema],
  ] as const)('documents %s with exactly the fields of the body schema, and no others allowed', (name, schema) => {
    // Act
    const documented = schemas[name];

    // Assess
    expect(Object.keys(documented.properties ?? {}).sort()).toEqual(fieldsOf(schema));
    expect([...(documented.required ?? [])].sort()).toEqual(requiredFieldsOf(schema));
    expect(documented.additionalProperties).toBe(false);
  });

  it('documents every field of a subscription as the routes answer it, and requires only fields it always has', async () => {
    // Prepare
    const { secret: _secret, ...subscription } = await createdSubscription();
    const documented = schemas.WebhookSubscription;

    // Act
    const answered = Object.keys(subscription);

    // Assess
    expect(answered.filter((field) => !(field in (documented.properties ?? {})))).toEqual([]);
    expect((documented.required ?? []).filter((field) => !answered.includes(field))).toEqual([]);
  });

  it('documents the statuses a subscription may have', () => {
    // Act
    const documented = schemas.WebhookSubscription.properties?.status?.enum;

    // Assess
    expect(documented).toEqual([...WEBHOOK_STATUSES]);
  });

  it('documents the answers that show a secret as a subscription that always has one', () => {
    // Act
    const parts = schemas.WebhookWithSecret.allOf ?? [];

    // Assess
    expect(parts.map((part) => part.$ref ?? part.required)).toEqual(['#/components/schemas/WebhookSubscription', ['secret']]);
  });
});
