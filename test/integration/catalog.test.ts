import { api, newAccount } from './control-plane-api';
import { catalogApi as catalog, store } from './catalog-api';

describe('locations and inventory over the API, on DynamoDB Local', () => {
  it('stores a location and reads it back, defaulting its status to ACTIVE', async () => {
    // Prepare
    const { apiKey } = await newAccount('loc');

    // Act
    const put = await catalog.putLocation(apiKey, 'LDN-1', store(51.5074, -0.1278, 'London'));
    const read = await catalog.getLocation(apiKey, 'LDN-1');

    // Assess
    expect(put.status).toBe(200);
    expect(read.body).toMatchObject({ ref: 'LDN-1', type: 'STORE', name: 'London', status: 'ACTIVE', lat: 51.5074 });
    expect((await catalog.listLocations(apiKey)).body.items.map((l: { ref: string }) => l.ref)).toEqual(['LDN-1']);
  });

  it('refuses a location with a latitude out of range, naming lat', async () => {
    // Prepare
    const { apiKey } = await newAccount('loc-bad');

    // Act
    const response = await catalog.putLocation(apiKey, 'X-1', store(123, 0));

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('lat');
    expect((await catalog.getLocation(apiKey, 'X-1')).status).toBe(404);
  });

  it('sets a position from a full count and reports availability net of reservations and safety stock', async () => {
    // Prepare
    const { apiKey } = await newAccount('inv');
    await catalog.putLocation(apiKey, 'W-1', { ...store(52, 0), type: 'WAREHOUSE' });

    // Act
    const put = await catalog.putPosition(apiKey, 'W-1', 'SKU-1', { onHand: 10, safetyStock: 3 });
    const listed = await catalog.listInventory(apiKey, { skuRef: 'SKU-1' });

    // Assess
    expect(put.body).toMatchObject({ skuRef: 'SKU-1', locationRef: 'W-1', onHand: 10, reserved: 0, safetyStock: 3, available: 7 });
    expect(listed.body.items).toEqual([expect.objectContaining({ locationRef: 'W-1', available: 7 })]);
  });

  it('refuses a count for an unknown location with 404 and writes nothing', async () => {
    // Prepare
    const { apiKey } = await newAccount('inv-404');

    // Act
    const response = await catalog.putPosition(apiKey, 'NOWHERE', 'SKU-1', { onHand: 5 });

    // Assess
    expect(response.status).toBe(404);
    expect((await catalog.listInventory(apiKey, { skuRef: 'SKU-1' })).body.items).toEqual([]);
  });

  it('refuses a negative count, naming onHand', async () => {
    // Prepare
    const { apiKey } = await newAccount('inv-neg');
    await catalog.putLocation(apiKey, 'S-1', store(52, 0));

    // Act
    const response = await catalog.putPosition(apiKey, 'S-1', 'SKU-1', { onHand: -1 });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('onHand');
  });

  it('lists the positions of one location', async () => {
    // Prepare
    const { apiKey } = await newAccount('inv-loc');
    await catalog.putLocation(apiKey, 'S-1', store(52, 0));
    await catalog.putPosition(apiKey, 'S-1', 'SKU-A', { onHand: 1 });
    await catalog.putPosition(apiKey, 'S-1', 'SKU-B', { onHand: 2 });

    // Act
    const listed = await catalog.listInventory(apiKey, { locationRef: 'S-1' });

    // Assess
    expect(listed.body.items.map((p: { skuRef: string }) => p.skuRef)).toEqual(['SKU-A', 'SKU-B']);
  });

  it('lets a READONLY key read inventory but not change it', async () => {
    // Prepare
    const admin = await newAccount('inv-ro');
    await catalog.putLocation(admin.apiKey, 'S-1', store(52, 0));
    const readonly = (await api.createApiKey(admin.apiKey, { role: 'READONLY' })).body.apiKey;

    // Act
    const write = await catalog.putPosition(readonly, 'S-1', 'SKU-1', { onHand: 5 });
    const read = await catalog.listInventory(readonly, { locationRef: 'S-1' });

    // Assess
    expect(write.status).toBe(403);
    expect(read.status).toBe(200);
    expect(read.body.items).toEqual([]);
  });
});

describe('locations and inventory isolation', () => {
  it("keeps account A's locations and stock out of account B's reach", async () => {
    // Prepare
    const a = await newAccount('cat-a');
    const b = await newAccount('cat-b');
    await catalog.putLocation(a.apiKey, 'SHARED', store(51, 0, 'A store'));
    await catalog.putPosition(a.apiKey, 'SHARED', 'SKU-1', { onHand: 9 });

    // Act
    const location = await catalog.getLocation(b.apiKey, 'SHARED');
    const stock = await catalog.listInventory(b.apiKey, { skuRef: 'SKU-1' });
    const countInB = await catalog.putPosition(b.apiKey, 'SHARED', 'SKU-1', { onHand: 0 });

    // Assess
    expect(location.status).toBe(404);
    expect(stock.body.items).toEqual([]);
    expect(countInB.status).toBe(404);
    expect((await catalog.listInventory(a.apiKey, { skuRef: 'SKU-1' })).body.items[0].onHand).toBe(9);
  });
});
