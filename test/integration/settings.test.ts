import { dynamoDbClient } from '../../shared/composition/dynamodb-clients';
import { orchestrationOf } from '../../shared/composition/orchestration';
import { accountTableName } from '../../shared/domain/accounts/account';
import { ccOrder } from '../support/order-builder';
import { DynamoDbRequestCounter } from '../support/dynamodb-request-counter';
import { api, newAccount } from './control-plane-api';
import { fulfilmentEvent, ordersApi, seedCatalog, uploadReferenceWorkflows } from './orders-api';
import { listedSetting, settingsApi as settings } from './settings-api';

jest.setTimeout(30_000);

const EXPIRY = 'fulfilment.cc.pickupExpiryHours';
const PARTIAL = 'order.partialAllocation';
const HOUR_MS = 3_600_000;
const counter = new DynamoDbRequestCounter().attach(dynamoDbClient());

const scopedKey = async (adminKey: string, retailerId: string, role = 'ADMIN'): Promise<string> => {
  const response = await api.createApiKey(adminKey, { role, retailerId });
  if (response.status !== 201) throw new Error(`key not issued: ${response.raw}`);
  return response.body.apiKey as string;
};

describe('settings over the API, on DynamoDB Local', () => {
  it('lists every known setting of a new account with its type, default and the default in force', async () => {
    // Prepare
    const { apiKey } = await newAccount('set-list');

    // Act
    const response = await settings.list(apiKey);

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(5);
    expect(response.body.items).toContainEqual(
      expect.objectContaining({ name: EXPIRY, type: 'hours', default: 48, value: 48, source: 'default', description: expect.any(String) }),
    );
    expect(response.body.items).toContainEqual(expect.objectContaining({ name: 'order.awaitingStock.autoCancelHours', default: null, value: null }));
  });

  it('sets an account value that every retailer then reads', async () => {
    // Prepare
    const { apiKey } = await newAccount('set-acct');

    // Act
    const put = await settings.put(apiKey, PARTIAL, { value: true });

    // Assess
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: PARTIAL, value: true, source: 'account' });
    expect(await listedSetting(apiKey, PARTIAL, { retailerId: 'any-retailer' })).toMatchObject({ value: true, source: 'account' });
  });

  it('overrides the account value for one retailer only', async () => {
    // Prepare
    const { apiKey } = await newAccount('set-override');
    await settings.put(apiKey, EXPIRY, { value: 24 });

    // Act
    const put = await settings.put(apiKey, EXPIRY, { value: 2, retailerId: 'r-a' });

    // Assess
    expect(put.body).toMatchObject({ value: 2, source: 'retailer' });
    expect(await listedSetting(apiKey, EXPIRY, { retailerId: 'r-a' })).toMatchObject({ value: 2, source: 'retailer' });
    expect(await listedSetting(apiKey, EXPIRY, { retailerId: 'r-b' })).toMatchObject({ value: 24, source: 'account' });
    expect(await listedSetting(apiKey, EXPIRY)).toMatchObject({ value: 24, source: 'account' });
  });

  it("resets a retailer's override with null, so the account value applies again", async () => {
    // Prepare
    const { apiKey } = await newAccount('set-reset');
    await settings.put(apiKey, EXPIRY, { value: 24 });
    await settings.put(apiKey, EXPIRY, { value: 2, retailerId: 'r-a' });

    // Act
    const put = await settings.put(apiKey, EXPIRY, { value: null, retailerId: 'r-a' });

    // Assess
    expect(put.body).toMatchObject({ value: 24, source: 'account' });
    expect(await listedSetting(apiKey, EXPIRY, { retailerId: 'r-a' })).toMatchObject({ value: 24, source: 'account' });
  });

  it('refuses an unknown setting with 400 naming name, writing nothing', async () => {
    // Prepare
    const { apiKey, accountId } = await newAccount('set-unknown');
    counter.reset();

    // Act
    const put = await settings.put(apiKey, 'order.teleport', { value: true });

    // Assess
    expect(put.status).toBe(400);
    expect(put.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
    expect(put.body.error.message).toContain('order.teleport');
    expect(counter.writesTo(accountTableName('sandbox', accountId))).toBe(0);
  });

  it('refuses a value of the wrong type with 400 naming value, writing nothing', async () => {
    // Prepare
    const { apiKey, accountId } = await newAccount('set-type');
    counter.reset();

    // Act
    const put = await settings.put(apiKey, EXPIRY, { value: true });

    // Assess
    expect(put.status).toBe(400);
    expect(put.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'value' });
    expect(counter.writesTo(accountTableName('sandbox', accountId))).toBe(0);
    expect(await listedSetting(apiKey, EXPIRY)).toMatchObject({ value: 48, source: 'default' });
  });

  it('refuses a value out of bounds with 400 naming value', async () => {
    // Prepare
    const { apiKey } = await newAccount('set-bounds');

    // Act
    const put = await settings.put(apiKey, EXPIRY, { value: 0 });

    // Assess
    expect(put.status).toBe(400);
    expect(put.body.error.field).toBe('value');
  });

  describe('a retailer-scoped key', () => {
    it("sets its own retailer's override when it names no retailer", async () => {
      // Prepare
      const { apiKey } = await newAccount('set-scoped');
      const scoped = await scopedKey(apiKey, 'r-a');

      // Act
      const put = await settings.put(scoped, PARTIAL, { value: true });

      // Assess
      expect(put.body).toMatchObject({ value: true, source: 'retailer' });
      expect(await listedSetting(apiKey, PARTIAL, { retailerId: 'r-a' })).toMatchObject({ value: true, source: 'retailer' });
      expect(await listedSetting(apiKey, PARTIAL)).toMatchObject({ value: false, source: 'default' });
    });

    it("is refused another retailer's setting with 403, writing nothing", async () => {
      // Prepare
      const { apiKey, accountId } = await newAccount('set-scoped-403');
      const scoped = await scopedKey(apiKey, 'r-a');
      counter.reset();

      // Act
      const put = await settings.put(scoped, PARTIAL, { value: true, retailerId: 'r-b' });

      // Assess
      expect(put.status).toBe(403);
      expect(counter.writesTo(accountTableName('sandbox', accountId))).toBe(0);
    });

    it("reads its own retailer's values, and another retailer's are 404", async () => {
      // Prepare
      const { apiKey } = await newAccount('set-scoped-read');
      await settings.put(apiKey, EXPIRY, { value: 6, retailerId: 'r-a' });
      const scoped = await scopedKey(apiKey, 'r-a', 'READONLY');

      // Act
      const own = await settings.list(scoped);
      const other = await settings.list(scoped, { retailerId: 'r-b' });

      // Assess
      expect(own.body.retailerId).toBe('r-a');
      expect(own.body.items).toContainEqual(expect.objectContaining({ name: EXPIRY, value: 6, source: 'retailer' }));
      expect(other.status).toBe(404);
    });
  });

  it('lets a READONLY key read the settings but not change them', async () => {
    // Prepare
    const { apiKey } = await newAccount('set-readonly');
    const readonly = (await api.createApiKey(apiKey, { role: 'READONLY' })).body.apiKey as string;

    // Act
    const list = await settings.list(readonly);
    const put = await settings.put(readonly, PARTIAL, { value: true });

    // Assess
    expect(list.status).toBe(200);
    expect(put.status).toBe(403);
    expect(await listedSetting(apiKey, PARTIAL)).toMatchObject({ value: false, source: 'default' });
  });
});

describe("a retailer's CC pickup expiry", () => {
  it("changes only that retailer's next CC order", async () => {
    // Prepare
    const { apiKey, accountId } = await newAccount('set-cc');
    for (const retailerId of ['r-a', 'r-b']) await uploadReferenceWorkflows(apiKey, retailerId);
    await seedCatalog(apiKey, [{ ref: 'CAMDEN', lat: 51.539, lon: -0.1426 }], [{ locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 10 }]);
    expect((await settings.put(apiKey, EXPIRY, { value: 2, retailerId: 'r-a' })).status).toBe(200);
    const before = Date.now();

    // Act
    for (const retailerId of ['r-a', 'r-b']) {
      const created = await ordersApi.createOrder(apiKey, ccOrder(`C-${retailerId}`, 'CAMDEN', [{ skuRef: 'TEE', qty: 1 }], retailerId));
      expect(created.body.status).toBe('ALLOCATED');
      for (const name of ['PICKED', 'READY_FOR_PICKUP']) {
        const answer = await fulfilmentEvent(apiKey, `C-${retailerId}`, `C-${retailerId}-F1`, name, undefined, { subtype: 'CC', retailerId });
        expect(answer.body.status).toBe('SUCCESS');
      }
    }
    const after = Date.now();

    // Assess
    const scheduled = await orchestrationOf(accountId).scheduled.due(new Date(after + 100 * HOUR_MS).toISOString(), 100);
    const expiries = new Map(scheduled.filter(({ event }) => event.name === 'EXPIRE').map(({ event, dueAt }) => [event.retailerId, Date.parse(dueAt)]));
    expect([...expiries.keys()].sort()).toEqual(['r-a', 'r-b']);
    expect(expiries.get('r-a')).toBeGreaterThanOrEqual(before + 2 * HOUR_MS);
    expect(expiries.get('r-a')).toBeLessThanOrEqual(after + 2 * HOUR_MS);
    expect(expiries.get('r-b')).toBeGreaterThanOrEqual(before + 48 * HOUR_MS);
    expect(expiries.get('r-b')).toBeLessThanOrEqual(after + 48 * HOUR_MS);
  });
});
