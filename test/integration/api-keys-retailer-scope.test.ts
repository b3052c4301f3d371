import { api, newAccount } from './control-plane-api';

const keyIdsOf = (items: { keyId: string }[]) => items.map((key) => key.keyId);

describe('API keys of a retailer-scoped key', () => {
  it('lists only the keys scoped to its own retailer', async () => {
    // Prepare
    const admin = await newAccount('scope-list');
    const scoped = await api.createApiKey(admin.apiKey, { role: 'ADMIN', retailerId: 'r1' });
    const otherRetailer = await api.createApiKey(admin.apiKey, { role: 'READONLY', retailerId: 'r2' });

    // Act
    const response = await api.listApiKeys(scoped.body.apiKey);

    // Assess
    expect(response.status).toBe(200);
    expect(keyIdsOf(response.body.items)).toContain(scoped.body.keyId);
    expect(keyIdsOf(response.body.items)).not.toContain(admin.keyId);
    expect(keyIdsOf(response.body.items)).not.toContain(otherRetailer.body.keyId);
  });

  it('reads its retailer on GET /v1/account', async () => {
    // Prepare
    const admin = await newAccount('scope-whoami');
    const scoped = await api.createApiKey(admin.apiKey, { role: 'READONLY', retailerId: 'r1' });

    // Act
    const response = await api.getAccount(scoped.body.apiKey);

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.retailerId).toBe('r1');
  });

  it('reads no retailer on GET /v1/account for an account-wide key', async () => {
    // Prepare
    const admin = await newAccount('scope-whoall');

    // Act
    const response = await api.getAccount(admin.apiKey);

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('retailerId');
  });

  it("answers 404 when it revokes the account's unscoped ADMIN key, which keeps working", async () => {
    // Prepare
    const admin = await newAccount('scope-rev');
    const scoped = await api.createApiKey(admin.apiKey, { role: 'ADMIN', retailerId: 'r1' });

    // Act
    const response = await api.revokeApiKey(scoped.body.apiKey, admin.keyId);

    // Assess
    expect(response.status).toBe(404);
    expect((await api.getAccount(admin.apiKey)).status).toBe(200);
  });

  it("answers 404 when it revokes another retailer's key", async () => {
    // Prepare
    const admin = await newAccount('scope-rev2');
    const scoped = await api.createApiKey(admin.apiKey, { role: 'ADMIN', retailerId: 'r1' });
    const otherRetailer = await api.createApiKey(admin.apiKey, { role: 'INTEGRATION', retailerId: 'r2' });

    // Act
    const response = await api.revokeApiKey(scoped.body.apiKey, otherRetailer.body.keyId);

    // Assess
    expect(response.status).toBe(404);
    expect((await api.getAccount(otherRetailer.body.apiKey)).status).toBe(200);
  });

  it('answers 403 when it issues an unscoped key', async () => {
    // Prepare
    const admin = await newAccount('scope-issue');
    const scoped = await api.createApiKey(admin.apiKey, { role: 'ADMIN', retailerId: 'r1' });

    // Act
    const response = await api.createApiKey(scoped.body.apiKey, { role: 'READONLY' });

    // Assess
    expect(response.status).toBe(403);
  });
});
