import { api, newAccount, scanTable } from './control-plane-api';

describe('API keys', () => {
  it('issues a key with the requested role that authenticates at once', async () => {
    // Prepare
    const admin = await newAccount('keys');

    // Act
    const issued = await api.createApiKey(admin.apiKey, { role: 'INTEGRATION', retailerId: 'r1' });
    const whoami = await api.getAccount(issued.body.apiKey);

    // Assess
    expect(issued.status).toBe(201);
    expect(whoami.body).toMatchObject({ accountId: admin.accountId, role: 'INTEGRATION', keyId: issued.body.keyId });
  });

  it('stores only a hash: no control-plane item holds the key or its secret', async () => {
    // Prepare
    const admin = await newAccount('hash');

    // Act
    const issued = await api.createApiKey(admin.apiKey, { role: 'READONLY' });

    // Assess
    const secret = String(issued.body.apiKey).split('_').slice(2).join('_');
    const stored = JSON.stringify(await scanTable('ordo-sandbox-control'));
    expect(stored).toContain(issued.body.keyId);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(admin.apiKey.split('_').slice(2).join('_'));
  });

  it('answers 401 on the next call of a revoked key', async () => {
    // Prepare
    const admin = await newAccount('revoke');
    const issued = await api.createApiKey(admin.apiKey, { role: 'INTEGRATION' });
    expect((await api.getAccount(issued.body.apiKey)).status).toBe(200);

    // Act
    const revoked = await api.revokeApiKey(admin.apiKey, issued.body.keyId);
    const after = await api.getAccount(issued.body.apiKey);

    // Assess
    expect(revoked.status).toBe(204);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 403 to a READONLY key that tries to write, and writes nothing', async () => {
    // Prepare
    const admin = await newAccount('readonly');
    const readonly = await api.createApiKey(admin.apiKey, { role: 'READONLY' });
    const keysBefore = (await api.listApiKeys(admin.apiKey)).body.items;

    // Act
    const response = await api.createApiKey(readonly.body.apiKey, { role: 'ADMIN' });

    // Assess
    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain('API_KEY_CREATE');
    expect((await api.listApiKeys(admin.apiKey)).body.items).toHaveLength(keysBefore.length);
  });

  it('lets a READONLY key read its account', async () => {
    // Prepare
    const admin = await newAccount('reader');
    const readonly = await api.createApiKey(admin.apiKey, { role: 'READONLY' });

    // Act
    const response = await api.getAccount(readonly.body.apiKey);

    // Assess
    expect(response.status).toBe(200);
  });

  it.each([
    ['no Authorization header', undefined],
    ['a garbled key', 'not-a-key'],
    ['a well-formed key nobody issued', `ordo_0123456789abcdef_${'x'.repeat(43)}`],
  ])('answers 401 to %s', async (_case, apiKey) => {
    // Act
    const response = await api.getAccount(apiKey as string);

    // Assess
    expect(response.status).toBe(401);
  });

  it('answers 401 to a real key id with a wrong secret', async () => {
    // Prepare
    const admin = await newAccount('forged');
    const forged = `ordo_${admin.keyId}_${'A'.repeat(43)}`;

    // Act
    const response = await api.getAccount(forged);

    // Assess
    expect(response.status).toBe(401);
  });
});
