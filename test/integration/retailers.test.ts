import { referenceWorkflows } from '../../shared/domain/orders/reference-workflows/order-reference-workflows';
import { hdOrder } from '../support/order-builder';
import { api, newAccount, scanTable } from './control-plane-api';
import { jobsApi } from './jobs-api';
import { orchestrationApi } from './orchestration-api';
import { ordersApi, seedCatalog } from './orders-api';
import { retailersApi as retailers } from './retailers-api';

jest.setTimeout(30_000);

const REFERENCE_WORKFLOWS = [
  { entityType: 'ORDER', subtype: 'CC', version: 1 },
  { entityType: 'ORDER', subtype: 'HD', version: 1 },
  { entityType: 'RETURN_ORDER', subtype: 'DEFAULT', version: 1 },
];

/** The items of the account's table that a retailer registration could have written. */
const registrationItems = async (accountId: string) =>
  (await scanTable(`ordo-sandbox-acct-${accountId}`)).filter(({ PK }) => /RETAILER|WORKFLOW|SOURCING_PROFILE/.test(String(PK?.S)));

describe('retailers over the API, on DynamoDB Local', () => {
  it('registers a retailer with the reference workflows, so an HD order for it is allocated at once', async () => {
    // Prepare
    const { apiKey } = await newAccount('ret-ref', { retailers: [] });
    await seedCatalog(apiKey, [{ ref: 'CAMDEN', lat: 51.539, lon: -0.1426 }], [{ locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 5 }]);

    // Act
    const registered = await retailers.putRetailer(apiKey, 'north', { name: 'North Shop' });
    const order = await ordersApi.createOrder(apiKey, hdOrder('N-1', [{ skuRef: 'TEE', qty: 1 }], { retailerId: 'north' }));

    // Assess
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ retailerId: 'north', name: 'North Shop', template: 'reference', workflows: REFERENCE_WORKFLOWS });
    expect(order.body).toMatchObject({ ref: 'N-1', status: 'ALLOCATED' });
  });

  it('gives a retailer registered with the reference template the default sourcing profile as its own', async () => {
    // Prepare
    const { apiKey } = await newAccount('ret-prof', { retailers: [] });

    // Act
    await retailers.putRetailer(apiKey, 'north', { name: 'North Shop' });
    const profile = await ordersApi.getSourcingProfile(apiKey, 'north');

    // Assess
    expect(profile.body).toMatchObject({ retailerId: 'north', maxSplit: 3, isDefault: false });
  });

  it('installs nothing for a retailer registered with the template none', async () => {
    // Prepare
    const { apiKey } = await newAccount('ret-none', { retailers: [] });

    // Act
    const registered = await retailers.putRetailer(apiKey, 'bare', { name: 'Bare', template: 'none' });
    const workflow = await orchestrationApi.getWorkflow(apiKey, 'ORDER', 'HD', { retailerId: 'bare' });
    const profile = await ordersApi.getSourcingProfile(apiKey, 'bare');

    // Assess
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ retailerId: 'bare', template: 'none', workflows: [] });
    expect(workflow.status).toBe(404);
    expect(profile.body.isDefault).toBe(true);
  });

  it('keeps a workflow the retailer changed and its own sourcing profile when it is registered again', async () => {
    // Prepare
    const { apiKey } = await newAccount('ret-again', { retailers: [] });
    await retailers.putRetailer(apiKey, 'north', { name: 'North Shop' });
    const { body: hd } = await orchestrationApi.getWorkflow(apiKey, 'ORDER', 'HD', { retailerId: 'north' });
    await orchestrationApi.putWorkflow(apiKey, 'ORDER', 'HD', { ...hd, version: undefined, name: 'Our own HD' });
    const ownProfile = { maxSplit: 1, locationTypes: ['STORE'], ranking: ['SINGLE_LOCATION', 'FEWEST_SPLITS', 'SHORTEST_DISTANCE'] };
    expect((await ordersApi.putSourcingProfile(apiKey, 'north', ownProfile)).status).toBe(200);

    // Act
    const again = await retailers.putRetailer(apiKey, 'north', { name: 'North Shop Ltd' });
    const latest = await orchestrationApi.getWorkflow(apiKey, 'ORDER', 'HD', { retailerId: 'north' });
    const profile = await ordersApi.getSourcingProfile(apiKey, 'north');

    // Assess
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ name: 'North Shop Ltd', createdOn: expect.any(String) });
    expect(again.body.workflows).toEqual([
      { entityType: 'ORDER', subtype: 'CC', version: 1 },
      { entityType: 'ORDER', subtype: 'HD', version: 2 },
      { entityType: 'RETURN_ORDER', subtype: 'DEFAULT', version: 1 },
    ]);
    expect(latest.body).toMatchObject({ version: 2, name: 'Our own HD' });
    expect(profile.body).toMatchObject({ maxSplit: 1, isDefault: false });
  });

  it('keeps the first registration date when a retailer is renamed', async () => {
    // Prepare
    const { apiKey } = await newAccount('ret-rename', { retailers: [] });
    const first = await retailers.putRetailer(apiKey, 'north', { name: 'North', template: 'none' });

    // Act
    await retailers.putRetailer(apiKey, 'north', { name: 'North Ltd', template: 'none' });
    const read = await retailers.getRetailer(apiKey, 'north');

    // Assess
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ retailerId: 'north', name: 'North Ltd', createdOn: first.body.createdOn });
  });

  it('lists the registered retailers by retailerId, each with its workflows', async () => {
    // Prepare
    const { apiKey } = await newAccount('ret-list', { retailers: [] });
    await retailers.putRetailer(apiKey, 'south', { name: 'South' });
    await retailers.putRetailer(apiKey, 'east', { name: 'East', template: 'none' });

    // Act
    const listed = await retailers.listRetailers(apiKey);

    // Assess
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ retailerId: 'east', name: 'East', workflows: [] }),
      expect.objectContaining({ retailerId: 'south', name: 'South', workflows: REFERENCE_WORKFLOWS }),
    ]);
  });

  it('answers 404 for a retailer that is not registered', async () => {
    // Prepare
    const { apiKey } = await newAccount('ret-404', { retailers: [] });

    // Act
    const read = await retailers.getRetailer(apiKey, 'nobody');

    // Assess
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('NOT_FOUND');
  });

  it('shows a retailer-scoped key its own retailer only, in the list and by id', async () => {
    // Prepare
    const admin = await newAccount('ret-scope', { retailers: [] });
    await retailers.putRetailer(admin.apiKey, 'r1', { name: 'One', template: 'none' });
    await retailers.putRetailer(admin.apiKey, 'r2', { name: 'Two', template: 'none' });
    const scoped = await api.createApiKey(admin.apiKey, { role: 'READONLY', retailerId: 'r1' });

    // Act
    const listed = await retailers.listRetailers(scoped.body.apiKey);
    const own = await retailers.getRetailer(scoped.body.apiKey, 'r1');
    const other = await retailers.getRetailer(scoped.body.apiKey, 'r2');

    // Assess
    expect(listed.body.items.map((retailer: { retailerId: string }) => retailer.retailerId)).toEqual(['r1']);
    expect(own.status).toBe(200);
    expect(other.status).toBe(404);
  });

  it('lets a retailer-scoped ADMIN key register its own retailer again and refuses it another, writing nothing', async () => {
    // Prepare: a key is scoped to a registered retailer only.
    const admin = await newAccount('ret-scope-put', { retailers: [] });
    await retailers.putRetailer(admin.apiKey, 'r1', { name: 'One', template: 'none' });
    const scoped = await api.createApiKey(admin.apiKey, { role: 'ADMIN', retailerId: 'r1' });

    // Act
    const own = await retailers.putRetailer(scoped.body.apiKey, 'r1', { name: 'One' });
    const other = await retailers.putRetailer(scoped.body.apiKey, 'r2', { name: 'Two' });

    // Assess
    expect(own.status).toBe(200);
    expect(own.body.workflows).toEqual(expect.arrayContaining([expect.objectContaining({ entityType: 'ORDER', subtype: 'HD' })]));
    expect(other.status).toBe(403);
    expect((await retailers.getRetailer(admin.apiKey, 'r2')).status).toBe(404);
    expect((await orchestrationApi.getWorkflow(admin.apiKey, 'ORDER', 'HD', { retailerId: 'r2' })).status).toBe(404);
  });

  it('refuses registration to a key without RETAILER_UPDATE', async () => {
    // Prepare
    const admin = await newAccount('ret-integ', { retailers: [] });
    const integration = await api.createApiKey(admin.apiKey, { role: 'INTEGRATION' });

    // Act
    const response = await retailers.putRetailer(integration.body.apiKey, 'r1', { name: 'One' });

    // Assess
    expect(response.status).toBe(403);
    expect((await retailers.listRetailers(admin.apiKey)).body.items).toEqual([]);
  });

  it.each([
    ['name', 'north', { template: 'reference' }],
    ['name', 'north', { name: '' }],
    ['template', 'north', { name: 'North', template: 'fluent' }],
    ['retailerId', 'no spaces allowed', { name: 'North' }],
    ['extra', 'north', { name: 'North', extra: true }],
  ])('refuses a registration with a bad %s with 400 naming it and writes nothing', async (field, retailerId, body) => {
    // Prepare
    const { accountId, apiKey } = await newAccount('ret-bad', { retailers: [] });

    // Act
    const response = await retailers.putRetailer(apiKey, retailerId, body);

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe(field);
    expect(await registrationItems(accountId)).toEqual([]);
  });

  it('refuses a key, a job and a workflow for a retailer the account never registered with 422 RETAILER_NOT_FOUND, writing nothing', async () => {
    // Prepare
    const { apiKey } = await newAccount('ret-gate', { retailers: [] });
    const [workflow] = referenceWorkflows('ghost');

    // Act
    const key = await api.createApiKey(apiKey, { role: 'READONLY', retailerId: 'ghost' });
    const job = await jobsApi.createJob(apiKey, { name: 'stock', retailerId: 'ghost' });
    const uploaded = await orchestrationApi.putWorkflow(apiKey, 'ORDER', 'HD', workflow);

    // Assess
    for (const reply of [key, job, uploaded]) {
      expect({ status: reply.status, code: reply.body.error?.code, field: reply.body.error?.field }).toEqual({ status: 422, code: 'RETAILER_NOT_FOUND', field: 'retailerId' });
    }
    expect((await api.listApiKeys(apiKey)).body.items).toHaveLength(1);
    expect((await jobsApi.listJobs(apiKey)).body.items).toEqual([]);
    expect((await orchestrationApi.getWorkflow(apiKey, 'ORDER', 'HD', { retailerId: 'ghost' })).status).toBe(404);
  });
});
