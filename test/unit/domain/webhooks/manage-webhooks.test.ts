import { ForbiddenError, NotFoundError } from '../../../../shared/domain/domain-errors';
import { builtInPermissions } from '../../../../shared/domain/accounts/roles';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  rotateWebhookSecret,
  updateWebhook,
  type WebhookSubscriptions,
} from '../../../../shared/domain/webhooks/manage-webhooks';
import { isWebhookSecret, signingSecrets } from '../../../../shared/domain/webhooks/webhook-secret';
import { openWebhookSecrets } from '../../../../shared/domain/webhooks/webhook-secret-sealing';
import type { CreateWebhookInput, WebhookSubscriptionRecord } from '../../../../shared/domain/webhooks/webhook-subscription';
import { ManualClock } from '../../../support/clock';
import { FixedDataKeys } from '../../../support/data-keys';
import { FakeHostResolver } from '../../../support/host-resolver';
import { accountPrincipal } from '../../../support/principals';
import { InMemoryWebhookSubscriptionStore } from '../../../support/webhook-subscription-store';

const NOW = '2025-03-14T09:00:00.000Z';
const URL_OK = 'https://hooks.example.com/ordo';

const admin = accountPrincipal();
const retailerKey = accountPrincipal({ retailerId: 'R1' });
const otherRetailerKey = accountPrincipal({ retailerId: 'R2' });
const withoutCustomerRead = accountPrincipal({
  role: 'reporting',
  permissions: new Set([...builtInPermissions('ADMIN')].filter((permission) => permission !== 'CUSTOMER_READ')),
});

const contextOf = (overrides: Partial<WebhookSubscriptions> = {}): WebhookSubscriptions => ({
  webhooks: new InMemoryWebhookSubscriptionStore(),
  keys: new FixedDataKeys(),
  resolver: new FakeHostResolver({ 'hooks.example.com': ['93.184.216.34'], 'intranet.example.com': ['10.0.0.5'] }),
  policy: { allowInsecureLocal: false },
  clock: new ManualClock(NOW),
  ...overrides,
});

const body = (overrides: Partial<CreateWebhookInput> = {}): CreateWebhookInput => ({ url: URL_OK, events: ['order.created'], ...overrides });

const storeOf = (context: WebhookSubscriptions) => context.webhooks as InMemoryWebhookSubscriptionStore;

describe('createWebhook', () => {
  it('answers the new subscription, enabled, with its secret and nothing else', async () => {
    // Prepare
    const context = contextOf();

    // Act
    const created = await createWebhook(body(), admin, context);

    // Assess
    expect(created).toEqual({
      webhookId: expect.stringMatching(/^wh_/),
      url: URL_OK,
      events: ['order.created'],
      status: 'ENABLED',
      secret: expect.any(String),
      createdOn: NOW,
    });
    expect(isWebhookSecret(created.secret)).toBe(true);
  });

  it('keeps the description, retailer and customer choice given', async () => {
    // Prepare
    const context = contextOf();

    // Act
    const created = await createWebhook(body({ description: 'ERP', retailerId: 'R1', includeCustomer: true, events: ['*'] }), admin, context);

    // Assess
    expect(created).toMatchObject({ description: 'ERP', retailerId: 'R1', includeCustomer: true, events: ['*'] });
  });

  it('stores the secret sealed, never in clear', async () => {
    // Prepare
    const context = contextOf();

    // Act
    const created = await createWebhook(body(), admin, context);

    // Assess
    const stored = storeOf(context).records.get(created.webhookId) as WebhookSubscriptionRecord;
    expect(JSON.stringify(stored)).not.toContain(created.secret.slice('whsec_'.length));
    expect(await openWebhookSecrets('acme', created.webhookId, stored.secrets, context.keys)).toEqual({ current: created.secret });
  });

  it('refuses a url whose host resolves to a private address, naming url, and stores nothing', async () => {
    // Prepare
    const context = contextOf();

    // Act
    const creating = createWebhook(body({ url: 'https://intranet.example.com/hook' }), admin, context);

    // Assess
    await expect(creating).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'url' });
    expect(storeOf(context).records.size).toBe(0);
  });

  it('refuses a plain http url on a deployed stage', async () => {
    // Prepare
    const context = contextOf();

    // Act
    const creating = createWebhook(body({ url: 'http://hooks.example.com/ordo' }), admin, context);

    // Assess
    await expect(creating).rejects.toMatchObject({ field: 'url' });
  });

  it('accepts a local http server when the policy allows insecure local targets', async () => {
    // Prepare
    const context = contextOf({ policy: { allowInsecureLocal: true } });

    // Act
    const created = await createWebhook(body({ url: 'http://127.0.0.1:4000/hook' }), admin, context);

    // Assess
    expect(created.url).toBe('http://127.0.0.1:4000/hook');
  });

  it('refuses customer data in clear to a key without CUSTOMER_READ, and stores nothing', async () => {
    // Prepare
    const context = contextOf();

    // Act
    const creating = createWebhook(body({ includeCustomer: true }), withoutCustomerRead, context);

    // Assess
    await expect(creating).rejects.toBeInstanceOf(ForbiddenError);
    expect(storeOf(context).records.size).toBe(0);
  });

  it("subscribes a retailer-scoped key to its own retailer's events when it names none", async () => {
    // Act
    const created = await createWebhook(body(), retailerKey, contextOf());

    // Assess
    expect(created.retailerId).toBe('R1');
  });

  it("refuses a retailer-scoped key subscribing to another retailer's events", async () => {
    // Act
    const creating = createWebhook(body({ retailerId: 'R2' }), retailerKey, contextOf());

    // Assess
    await expect(creating).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("subscribes an unscoped key naming no retailer to every retailer's events", async () => {
    // Act
    const created = await createWebhook(body(), admin, contextOf());

    // Assess
    expect(created).not.toHaveProperty('retailerId');
  });

  it('accepts custom event types beside the built-in ones', async () => {
    // Act
    const created = await createWebhook(body({ events: ['order.created', 'loyalty.points_added'] }), admin, contextOf());

    // Assess
    expect(created.events).toEqual(['order.created', 'loyalty.points_added']);
  });

  it.each([
    ['an event type with capitals', ['Order.Created'], 'events[0]'],
    ['no event type', [], 'events'],
    ['"*" beside other types', ['*', 'order.created'], 'events'],
    ['more than 50 types', Array.from({ length: 51 }, (_, index) => `custom.type${index}`), 'events'],
  ])('refuses %s, naming the field', async (_case, events, field) => {
    // Prepare
    const context = contextOf();

    // Act
    const creating = createWebhook(body({ events }), admin, context);

    // Assess
    await expect(creating).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(storeOf(context).records.size).toBe(0);
  });

  it('refuses an unknown field, naming it', async () => {
    // Act
    const creating = createWebhook({ ...body(), secret: 'whsec_mine' } as CreateWebhookInput, admin, contextOf());

    // Assess
    await expect(creating).rejects.toMatchObject({ field: 'secret' });
  });
});

describe('listWebhooks and getWebhook', () => {
  it("lists only its own retailer's subscriptions to a retailer-scoped key", async () => {
    // Prepare
    const context = contextOf();
    const own = await createWebhook(body(), retailerKey, context);
    await createWebhook(body(), otherRetailerKey, context);
    await createWebhook(body(), admin, context);

    // Act
    const { items } = await listWebhooks({}, retailerKey, context);

    // Assess
    expect(items.map((item) => item.webhookId)).toEqual([own.webhookId]);
  });

  it('lists every subscription to an unscoped key', async () => {
    // Prepare
    const context = contextOf();
    await createWebhook(body(), retailerKey, context);
    await createWebhook(body(), admin, context);

    // Act
    const { items } = await listWebhooks({}, admin, context);

    // Assess
    expect(items).toHaveLength(2);
  });

  it('shows a subscription without its secret', async () => {
    // Prepare
    const context = contextOf();
    const { secret: _secret, ...created } = await createWebhook(body(), admin, context);

    // Act
    const found = await getWebhook({ webhookId: created.webhookId }, admin, context);

    // Assess
    expect(found).toEqual(created);
  });

  it("hides another retailer's subscription from a retailer-scoped key", async () => {
    // Prepare
    const context = contextOf();
    const theirs = await createWebhook(body(), otherRetailerKey, context);

    // Act
    const getting = getWebhook({ webhookId: theirs.webhookId }, retailerKey, context);

    // Assess
    await expect(getting).rejects.toBeInstanceOf(NotFoundError);
  });

  it("hides a subscription to every retailer's events from a retailer-scoped key", async () => {
    // Prepare
    const context = contextOf();
    const accountWide = await createWebhook(body(), admin, context);

    // Act
    const getting = getWebhook({ webhookId: accountWide.webhookId }, retailerKey, context);

    // Assess
    await expect(getting).rejects.toBeInstanceOf(NotFoundError);
  });

  it('answers not found for an id no subscription has', async () => {
    // Act
    const getting = getWebhook({ webhookId: 'wh_missing' }, admin, contextOf());

    // Assess
    await expect(getting).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('updateWebhook', () => {
  it('disables a subscription and keeps the rest as it was', async () => {
    // Prepare
    const context = contextOf();
    const { secret: _secret, ...created } = await createWebhook(body(), admin, context);

    // Act
    const updated = await updateWebhook({ webhookId: created.webhookId, changes: { status: 'DISABLED' } }, admin, context);

    // Assess
    expect(updated).toEqual({ ...created, status: 'DISABLED' });
    expect(await getWebhook({ webhookId: created.webhookId }, admin, context)).toEqual(updated);
  });

  it('clears the reason and the failure count when a subscription disabled by failed deliveries is enabled again', async () => {
    // Prepare
    const context = contextOf();
    const { webhookId } = await createWebhook(body(), admin, context);
    const read = storeOf(context).records.get(webhookId) as WebhookSubscriptionRecord;
    const disabledReason = '5 messages in a row failed; the last: HTTP 500';
    await storeOf(context).replace(
      { ...read, subscription: { ...read.subscription, status: 'DISABLED', disabledReason }, consecutiveFailures: 5, version: read.version + 1 },
      read.version,
    );

    // Act
    const updated = await updateWebhook({ webhookId, changes: { status: 'ENABLED' } }, admin, context);

    // Assess
    expect(updated.status).toBe('ENABLED');
    expect(updated).not.toHaveProperty('disabledReason');
    expect(storeOf(context).records.get(webhookId)?.consecutiveFailures).toBe(0);
  });

  it('shows why deliveries disabled a subscription while it stays disabled', async () => {
    // Prepare
    const context = contextOf();
    const { webhookId } = await createWebhook(body(), admin, context);
    const read = storeOf(context).records.get(webhookId) as WebhookSubscriptionRecord;
    const disabledReason = '5 messages in a row failed; the last: HTTP 500';
    await storeOf(context).replace(
      { ...read, subscription: { ...read.subscription, status: 'DISABLED', disabledReason }, consecutiveFailures: 5, version: read.version + 1 },
      read.version,
    );

    // Act
    const updated = await updateWebhook({ webhookId, changes: { events: ['*'] } }, admin, context);

    // Assess
    expect(updated).toMatchObject({ status: 'DISABLED', disabledReason });
  });

  it('checks a new url again and keeps the old one when it is refused', async () => {
    // Prepare
    const context = contextOf();
    const created = await createWebhook(body(), admin, context);

    // Act
    const updating = updateWebhook({ webhookId: created.webhookId, changes: { url: 'https://169.254.169.254/' } }, admin, context);

    // Assess
    await expect(updating).rejects.toMatchObject({ field: 'url' });
    expect((await getWebhook({ webhookId: created.webhookId }, admin, context)).url).toBe(URL_OK);
  });

  it('refuses a change that changes nothing', async () => {
    // Prepare
    const context = contextOf();
    const created = await createWebhook(body(), admin, context);

    // Act
    const updating = updateWebhook({ webhookId: created.webhookId, changes: {} }, admin, context);

    // Assess
    await expect(updating).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it("answers not found to a retailer-scoped key changing another retailer's subscription", async () => {
    // Prepare
    const context = contextOf();
    const theirs = await createWebhook(body(), otherRetailerKey, context);

    // Act
    const updating = updateWebhook({ webhookId: theirs.webhookId, changes: { status: 'DISABLED' } }, retailerKey, context);

    // Assess
    await expect(updating).rejects.toBeInstanceOf(NotFoundError);
    expect((await getWebhook({ webhookId: theirs.webhookId }, admin, context)).status).toBe('ENABLED');
  });

  it('writes the change on a fresh read when a delivery counted a failure between the read and the write', async () => {
    // Prepare
    const store = new (class extends InMemoryWebhookSubscriptionStore {
      countedOnce = false;
      async replace(record: WebhookSubscriptionRecord, readVersion: number) {
        if (!this.countedOnce) {
          this.countedOnce = true;
          const stored = this.records.get(record.subscription.webhookId) as WebhookSubscriptionRecord;
          this.records.set(record.subscription.webhookId, { ...stored, consecutiveFailures: 1, version: stored.version + 1 });
        }
        return super.replace(record, readVersion);
      }
    })();
    const context = contextOf({ webhooks: store });
    const created = await createWebhook(body(), admin, context);

    // Act
    const rotated = await rotateWebhookSecret({ webhookId: created.webhookId }, admin, context);

    // Assess
    const stored = store.records.get(created.webhookId) as WebhookSubscriptionRecord;
    expect(stored.consecutiveFailures).toBe(1);
    expect((await openWebhookSecrets(admin.accountId, created.webhookId, stored.secrets, context.keys)).current).toBe(rotated.secret);
  });

  it('answers a conflict when the subscription changes between every read and its write', async () => {
    // Prepare
    const store = new (class extends InMemoryWebhookSubscriptionStore {
      async replace(record: WebhookSubscriptionRecord, readVersion: number) {
        (this.records.get(record.subscription.webhookId) as WebhookSubscriptionRecord).version += 1;
        return super.replace(record, readVersion);
      }
    })();
    const context = contextOf({ webhooks: store });
    const created = await createWebhook(body(), admin, context);

    // Act
    const updating = updateWebhook({ webhookId: created.webhookId, changes: { status: 'DISABLED' } }, admin, context);

    // Assess
    await expect(updating).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('answers not found when the subscription was deleted between its read and the write', async () => {
    // Prepare
    const store = new (class extends InMemoryWebhookSubscriptionStore {
      async replace(record: WebhookSubscriptionRecord, readVersion: number) {
        this.records.delete(record.subscription.webhookId);
        return super.replace(record, readVersion);
      }
    })();
    const context = contextOf({ webhooks: store });
    const created = await createWebhook(body(), admin, context);

    // Act
    const updating = updateWebhook({ webhookId: created.webhookId, changes: { status: 'DISABLED' } }, admin, context);

    // Assess
    await expect(updating).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('deleteWebhook', () => {
  it('removes the subscription', async () => {
    // Prepare
    const context = contextOf();
    const created = await createWebhook(body(), admin, context);

    // Act
    await deleteWebhook({ webhookId: created.webhookId }, admin, context);

    // Assess
    await expect(getWebhook({ webhookId: created.webhookId }, admin, context)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('answers not found for an id no subscription has', async () => {
    // Act
    const deleting = deleteWebhook({ webhookId: 'wh_missing' }, admin, contextOf());

    // Assess
    await expect(deleting).rejects.toBeInstanceOf(NotFoundError);
  });

  it("leaves another retailer's subscription in place, answering not found to a retailer-scoped key", async () => {
    // Prepare
    const context = contextOf();
    const theirs = await createWebhook(body(), otherRetailerKey, context);

    // Act
    const deleting = deleteWebhook({ webhookId: theirs.webhookId }, retailerKey, context);

    // Assess
    await expect(deleting).rejects.toBeInstanceOf(NotFoundError);
    expect(storeOf(context).records.has(theirs.webhookId)).toBe(true);
  });
});

describe('rotateWebhookSecret', () => {
  it('answers a new secret', async () => {
    // Prepare
    const context = contextOf();
    const created = await createWebhook(body(), admin, context);

    // Act
    const rotated = await rotateWebhookSecret({ webhookId: created.webhookId }, admin, context);

    // Assess
    expect(isWebhookSecret(rotated.secret)).toBe(true);
    expect(rotated.secret).not.toBe(created.secret);
  });

  it('keeps the previous secret, sealed, with the time of the rotation', async () => {
    // Prepare
    const context = contextOf();
    const created = await createWebhook(body(), admin, context);
    (context.clock as ManualClock).set('2025-03-15T08:00:00.000Z');

    // Act
    const rotated = await rotateWebhookSecret({ webhookId: created.webhookId }, admin, context);

    // Assess
    const stored = storeOf(context).records.get(created.webhookId) as WebhookSubscriptionRecord;
    expect(JSON.stringify(stored)).not.toContain(created.secret.slice('whsec_'.length));
    expect(await openWebhookSecrets('acme', created.webhookId, stored.secrets, context.keys)).toEqual({
      current: rotated.secret,
      previous: { secret: created.secret, rotatedOn: new Date('2025-03-15T08:00:00.000Z') },
    });
  });

  it('has deliveries signed with both secrets for a day after the rotation', async () => {
    // Prepare
    const context = contextOf();
    const created = await createWebhook(body(), admin, context);
    const rotated = await rotateWebhookSecret({ webhookId: created.webhookId }, admin, context);
    const stored = storeOf(context).records.get(created.webhookId) as WebhookSubscriptionRecord;

    // Act
    const secrets = await openWebhookSecrets('acme', created.webhookId, stored.secrets, context.keys);

    // Assess
    expect(signingSecrets(secrets, new Date('2025-03-15T08:59:59.000Z'))).toEqual([rotated.secret, created.secret]);
  });

  it("answers not found to a retailer-scoped key rotating another retailer's secret", async () => {
    // Prepare
    const context = contextOf();
    const theirs = await createWebhook(body(), otherRetailerKey, context);

    // Act
    const rotating = rotateWebhookSecret({ webhookId: theirs.webhookId }, retailerKey, context);

    // Assess
    await expect(rotating).rejects.toBeInstanceOf(NotFoundError);
  });
});
