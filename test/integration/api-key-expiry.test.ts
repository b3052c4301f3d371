import { api, newAccount } from './control-plane-api';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('API key expiry and last use', () => {
  it('answers 401 to a key once its expiry has passed', async () => {
    // Prepare
    const admin = await newAccount('expiry');
    const issued = await api.createApiKey(admin.apiKey, { role: 'READONLY', expiresOn: new Date(Date.now() + 1500).toISOString() });
    expect((await api.getAccount(issued.body.apiKey)).status).toBe(200);
    await sleep(2000);

    // Act
    const response = await api.getAccount(issued.body.apiKey);

    // Assess
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 400 naming expiresOn to a key that would expire in the past, and issues nothing', async () => {
    // Prepare
    const admin = await newAccount('expiry-past');
    const keysBefore = (await api.listApiKeys(admin.apiKey)).body.items.length;

    // Act
    const response = await api.createApiKey(admin.apiKey, { role: 'READONLY', expiresOn: '2020-01-01T00:00:00Z' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('expiresOn');
    expect((await api.listApiKeys(admin.apiKey)).body.items).toHaveLength(keysBefore);
  });

  it('lists when a key expires and, once it was used, when it was last used', async () => {
    // Prepare
    const admin = await newAccount('last-used');
    const expiresOn = new Date(Date.now() + 86_400_000).toISOString();
    const issued = await api.createApiKey(admin.apiKey, { role: 'READONLY', expiresOn });
    const before = Date.now();

    // Act
    await api.getAccount(issued.body.apiKey);
    const listed = await api.listApiKeys(admin.apiKey);

    // Assess
    const summary = listed.body.items.find((key: { keyId: string }) => key.keyId === issued.body.keyId);
    expect(summary.expiresOn).toBe(expiresOn);
    expect(Date.parse(summary.lastUsedOn)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('leaves lastUsedOn out of a key that was never used', async () => {
    // Prepare
    const admin = await newAccount('never-used');
    const issued = await api.createApiKey(admin.apiKey, { role: 'READONLY' });

    // Act
    const listed = await api.listApiKeys(admin.apiKey);

    // Assess
    const summary = listed.body.items.find((key: { keyId: string }) => key.keyId === issued.body.keyId);
    expect(summary).not.toHaveProperty('lastUsedOn');
  });
});
