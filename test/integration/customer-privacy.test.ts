import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { handler as rotateDataKey } from '../../functions/accounts/rotate-data-key';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { LocalKeyring } from '../../shared/adapters/keys/local-keyring';
import { seal } from '../../shared/domain/privacy/sealed';
import { localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';
import { invoke } from '../support/api-gateway-event';
import { anOrder, orderLines } from '../support/order-builder';
import { api, newAccount, scanTable } from './control-plane-api';
import { orchestrationApi } from './orchestration-api';
import { ordersApi, RETAILER, seedCatalog, uploadReferenceWorkflows } from './orders-api';

jest.setTimeout(30_000);

// Full precision, so a raw scan can look for the digits that rounding to 0.01° drops.
const DOOR = { lat: 51.507412, lon: -0.127758 };
const ada = { name: 'Ada Lovelace', email: 'ada.lovelace@example.com', phone: '+441234567890' };
const address = { line1: '12 Analytical Row', line2: 'Flat Nine', city: 'London', postcode: 'N1 9GU', country: 'GB' };
const SECRETS = [ada.name, 'Lovelace', ada.email, ada.phone, address.line1, 'Analytical', address.line2, address.postcode, '51.507412', '-0.127758'];

const lines = orderLines([{ skuRef: 'TEE', qty: 1 }]);
const order = (ref: string) => anOrder({ ref, retailerId: RETAILER, customer: ada, deliveryAddress: { ...address, ...DOOR }, lines });

/** The same order through the Event API: a CREATE whose attributes carry the customer in clear. */
const createEvent = (ref: string) => ({
  name: 'CREATE',
  retailerId: RETAILER,
  entityType: 'ORDER',
  entitySubtype: 'HD',
  entityRef: ref,
  attributes: { type: 'HD', lines: lines.map((line, index) => ({ lineRef: `L${index + 1}`, ...line })), customer: ada, deliveryAddress: { ...address, ...DOOR } },
});

const shop = async (prefix: string) => {
  const account = await newAccount(prefix);
  await uploadReferenceWorkflows(account.apiKey);
  await seedCatalog(account.apiKey, [{ ref: 'CAMDEN', lat: 51.539, lon: -0.1426 }], [{ locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 50 }]);
  const readonly = await api.createApiKey(account.apiKey, { role: 'READONLY' });
  return { ...account, tableName: `ordo-sandbox-acct-${account.accountId}`, readonlyKey: readonly.body.apiKey as string };
};

const rotate = (apiKey: string) => invoke(rotateDataKey, { method: 'POST', resource: '/v1/account/data-keys/rotate', apiKey });

const orderItem = async (tableName: string, ref: string) => {
  const items = await scanTable(tableName);
  const item = items.find((candidate) => candidate.entityType?.S === 'ORDER' && candidate.ref?.S === ref);
  if (!item) throw new Error(`no ORDER ${ref} in ${tableName}`);
  return item;
};

/** The data key id of the order's sealed customer, read from the raw item. */
const customerKeyId = async (tableName: string, ref: string) =>
  (await orderItem(tableName, ref)).attributes?.M?.customer?.M?.kid?.S;

/** Writes straight to DynamoDB Local, to leave records as a version before key ids would have. */
const rawUpdate = async (input: ConstructorParameters<typeof UpdateCommand>[0]) => {
  const client = createDocumentClient(localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? ''));
  await client.send(new UpdateCommand(input));
  client.destroy();
};

describe('customer data, on DynamoDB Local', () => {
  it('stores no name, email, phone, address line or exact coordinate in clear, by POST /v1/orders or an Event API CREATE', async () => {
    // Prepare
    const { apiKey, tableName } = await shop('pii-raw');

    // Act
    const created = await ordersApi.createOrder(apiKey, order('O-1'));
    const evented = await orchestrationApi.postEventSync(apiKey, createEvent('E-1'));

    // Assess
    expect(created.status).toBe(201);
    expect(evented.body).toMatchObject({ status: 'SUCCESS' });
    const table = JSON.stringify(await scanTable(tableName));
    for (const secret of SECRETS) expect(table).not.toContain(secret);
    expect(JSON.stringify(await orderItem(tableName, 'E-1'))).toContain('A256GCM');
  });

  it('shows an ADMIN key the customer in clear and the exact coordinates, for both ways of creating an order', async () => {
    // Prepare
    const { apiKey } = await shop('pii-admin');
    await ordersApi.createOrder(apiKey, order('O-1'));
    await orchestrationApi.postEventSync(apiKey, createEvent('E-1'));

    // Act
    const fromOrders = await ordersApi.getOrder(apiKey, 'O-1');
    const fromEvents = await ordersApi.getOrder(apiKey, 'E-1');

    // Assess
    for (const response of [fromOrders, fromEvents]) {
      expect(response.status).toBe(200);
      expect(response.body.customer).toEqual(ada);
      expect(response.body.deliveryAddress).toEqual({ ...address, ...DOOR });
    }
    expect(fromEvents.body.status).toBe('ALLOCATED');
  });

  it('shows a READONLY key the customer masked and the coordinates rounded', async () => {
    // Prepare
    const { apiKey, readonlyKey } = await shop('pii-readonly');
    await ordersApi.createOrder(apiKey, order('O-1'));

    // Act
    const response = await ordersApi.getOrder(readonlyKey, 'O-1');

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.customer).toEqual({ name: 'A*** L***', email: 'a***@example.com', phone: '+44*******890' });
    expect(response.body.deliveryAddress).toEqual({
      line1: '1*** A*** R***',
      line2: 'F*** N***',
      city: 'London',
      postcode: 'N*** 9***',
      country: 'GB',
      lat: 51.51,
      lon: -0.13,
    });
    for (const secret of SECRETS) expect(response.raw).not.toContain(secret);
  });

  it('shows no customer data and no sealed value in the entity and event views, even to an ADMIN key', async () => {
    // Prepare
    const { apiKey, readonlyKey } = await shop('pii-views');
    const evented = await orchestrationApi.postEventSync(apiKey, createEvent('E-1'));

    // Act
    const entity = await orchestrationApi.getEntity(readonlyKey, 'ORDER', 'E-1');
    const event = await orchestrationApi.getEvent(apiKey, evented.body.eventId);
    const events = await orchestrationApi.listEvents(readonlyKey, { rootEntityRef: 'E-1' });

    // Assess
    expect(entity.status).toBe(200);
    expect(entity.body.attributes).toMatchObject({ type: 'HD', deliveryPoint: { lat: 51.51, lon: -0.13 } });
    expect(event.status).toBe(200);
    for (const response of [evented, entity, event, events]) {
      for (const secret of SECRETS) expect(response.raw).not.toContain(secret);
      expect(response.raw).not.toContain('A256GCM');
    }
  });

  it('refuses customer data on an event of another entity type with 400 naming the field, writing nothing', async () => {
    // Prepare
    const { apiKey, tableName } = await shop('pii-refused');
    const before = (await scanTable(tableName)).length;

    // Act
    const response = await orchestrationApi.postEventSync(apiKey, {
      ...createEvent('O-1-F1'),
      entityType: 'FULFILMENT',
      rootEntityType: 'ORDER',
      rootEntityRef: 'O-1',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('attributes.customer');
    expect((await scanTable(tableName)).length).toBe(before);
  });

  it('reads orders sealed before and after a rotation, each with its own key id', async () => {
    // Prepare
    const { apiKey, tableName } = await shop('pii-rotate');
    await ordersApi.createOrder(apiKey, order('O-1'));

    // Act
    const rotated = await rotate(apiKey);
    await ordersApi.createOrder(apiKey, order('O-2'));

    // Assess
    expect(rotated.status).toBe(201);
    expect(rotated.body).toEqual({ keyId: 'dk2', createdOn: expect.any(String) });
    const [before, after] = [await customerKeyId(tableName, 'O-1'), await customerKeyId(tableName, 'O-2')];
    expect(before).toBe('dk1');
    expect(after).toBe('dk2');
    expect((await ordersApi.getOrder(apiKey, 'O-1')).body.customer).toEqual(ada);
    expect((await ordersApi.getOrder(apiKey, 'O-2')).body.customer).toEqual(ada);
  });

  it('refuses a rotation to a READONLY key and to a retailer-scoped ADMIN key with 403', async () => {
    // Prepare
    const { apiKey, readonlyKey } = await shop('pii-rotate-403');
    const scoped = await api.createApiKey(apiKey, { role: 'ADMIN', retailerId: RETAILER });

    // Act
    const byReadonly = await rotate(readonlyKey);
    const byScoped = await rotate(scoped.body.apiKey as string);

    // Assess
    expect(byReadonly.status).toBe(403);
    expect(byScoped.status).toBe(403);
  });

  it('reads an order sealed before values carried a key id, and rotates from the one key its account had then', async () => {
    // Prepare
    const { apiKey, accountId, tableName } = await shop('pii-legacy');
    const firstKey = await new LocalKeyring(process.env.ORDO_MASTER_KEY ?? '').generateDataKey(accountId);
    await rawUpdate({
      TableName: 'ordo-sandbox-control',
      Key: { PK: `ACCOUNT#${accountId}`, SK: 'ACCOUNT' },
      UpdateExpression: 'SET wrappedDataKey = :wrapped',
      ExpressionAttributeValues: { ':wrapped': firstKey.wrapped },
    });
    await ordersApi.createOrder(apiKey, order('O-1'));
    const item = await orderItem(tableName, 'O-1');
    await rawUpdate({
      TableName: tableName,
      Key: { PK: item.PK.S, SK: item.SK.S },
      UpdateExpression: 'SET #attributes.customer = :customer',
      ExpressionAttributeNames: { '#attributes': 'attributes' },
      ExpressionAttributeValues: { ':customer': seal(ada, firstKey.plaintext, `${accountId}:ORDER:O-1`) },
    });
    expect(await customerKeyId(tableName, 'O-1')).toBeUndefined();

    // Act
    const before = await ordersApi.getOrder(apiKey, 'O-1');
    const rotated = await rotate(apiKey);
    await ordersApi.createOrder(apiKey, order('O-2'));
    const after = await ordersApi.getOrder(apiKey, 'O-1');

    // Assess
    expect(before.body.customer).toEqual(ada);
    expect(rotated.body.keyId).toBe('dk2');
    expect(await customerKeyId(tableName, 'O-2')).toBe('dk2');
    expect(after.body.customer).toEqual(ada);
    expect((await ordersApi.getOrder(apiKey, 'O-2')).body.customer).toEqual(ada);
  });
});
