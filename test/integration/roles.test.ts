import { api, newAccount } from './control-plane-api';

describe('custom roles', () => {
  it('issues a key of a custom role that may do what the role grants and nothing else', async () => {
    // Prepare
    const admin = await newAccount('role-use');
    await api.putRole(admin.apiKey, 'auditor', { permissions: ['ACCOUNT_READ'] });
    const issued = await api.createApiKey(admin.apiKey, { role: 'auditor' });

    // Act
    const granted = await api.getAccount(issued.body.apiKey);
    const refused = await api.listApiKeys(issued.body.apiKey);

    // Assess
    expect(issued.status).toBe(201);
    expect(granted.status).toBe(200);
    expect(granted.body.role).toBe('auditor');
    expect(refused.status).toBe(403);
  });

  it("lists the custom role's permissions, sorted, on the key's GET /v1/account", async () => {
    // Prepare
    const admin = await newAccount('role-whoami');
    await api.putRole(admin.apiKey, 'picker', { permissions: ['ORDER_READ', 'EVENT_CREATE', 'ACCOUNT_READ'] });
    const issued = await api.createApiKey(admin.apiKey, { role: 'picker' });

    // Act
    const response = await api.getAccount(issued.body.apiKey);

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.permissions).toEqual(['ACCOUNT_READ', 'EVENT_CREATE', 'ORDER_READ']);
  });

  it("changes what the role's keys may do from their next request", async () => {
    // Prepare
    const admin = await newAccount('role-change');
    await api.putRole(admin.apiKey, 'auditor', { permissions: ['ACCOUNT_READ'] });
    const issued = await api.createApiKey(admin.apiKey, { role: 'auditor' });
    expect((await api.listApiKeys(issued.body.apiKey)).status).toBe(403);

    // Act
    const replaced = await api.putRole(admin.apiKey, 'auditor', { permissions: ['API_KEY_READ'] });
    const listed = await api.listApiKeys(issued.body.apiKey);
    const whoami = await api.getAccount(issued.body.apiKey);

    // Assess
    expect(replaced.status).toBe(200);
    expect(listed.status).toBe(200);
    expect(whoami.status).toBe(403);
  });

  it('refuses with 403 a key of a custom role that issues a key with more permissions than its own, and issues nothing', async () => {
    // Prepare
    const admin = await newAccount('role-esc');
    await api.putRole(admin.apiKey, 'key-manager', { permissions: ['API_KEY_CREATE', 'API_KEY_READ', 'ACCOUNT_READ'] });
    const manager = await api.createApiKey(admin.apiKey, { role: 'key-manager' });
    const keysBefore = (await api.listApiKeys(admin.apiKey)).body.items.length;

    // Act
    const response = await api.createApiKey(manager.body.apiKey, { role: 'ADMIN' });

    // Assess
    expect(response.status).toBe(403);
    expect((await api.listApiKeys(admin.apiKey)).body.items).toHaveLength(keysBefore);
  });

  it('lets a key of a custom role issue a key whose role it covers', async () => {
    // Prepare
    const admin = await newAccount('role-sub');
    await api.putRole(admin.apiKey, 'key-manager', { permissions: ['API_KEY_CREATE', 'ACCOUNT_READ'] });
    await api.putRole(admin.apiKey, 'viewer', { permissions: ['ACCOUNT_READ'] });
    const manager = await api.createApiKey(admin.apiKey, { role: 'key-manager' });

    // Act
    const response = await api.createApiKey(manager.body.apiKey, { role: 'viewer' });

    // Assess
    expect(response.status).toBe(201);
    expect((await api.getAccount(response.body.apiKey)).status).toBe(200);
  });

  it('refuses with 403 a key of a custom role that raises its own role, which stays as it was', async () => {
    // Prepare
    const admin = await newAccount('role-raise');
    await api.putRole(admin.apiKey, 'role-manager', { permissions: ['ROLE_UPDATE', 'ROLE_READ'] });
    const manager = await api.createApiKey(admin.apiKey, { role: 'role-manager' });

    // Act
    const response = await api.putRole(manager.body.apiKey, 'role-manager', { permissions: ['ROLE_UPDATE', 'ROLE_READ', 'API_KEY_CREATE'] });

    // Assess
    expect(response.status).toBe(403);
    const roles = (await api.listRoles(admin.apiKey)).body.items;
    expect(roles.find((role: { name: string }) => role.name === 'role-manager').permissions).toEqual(['ROLE_UPDATE', 'ROLE_READ']);
  });

  it('answers 400 naming role for a key of a role the account does not have', async () => {
    // Prepare
    const admin = await newAccount('role-unknown');

    // Act
    const response = await api.createApiKey(admin.apiKey, { role: 'ghost' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('role');
  });

  it("keeps one account's roles out of another account", async () => {
    // Prepare
    const a = await newAccount('role-iso-a');
    const b = await newAccount('role-iso-b');
    await api.putRole(a.apiKey, 'auditor', { permissions: ['ACCOUNT_READ'] });

    // Act
    const listed = await api.listRoles(b.apiKey);
    const issued = await api.createApiKey(b.apiKey, { role: 'auditor' });

    // Assess
    expect(listed.body.items.map((role: { name: string }) => role.name)).not.toContain('auditor');
    expect(issued.status).toBe(400);
  });

  it('lets a retailer-scoped ADMIN key read the roles but not change them', async () => {
    // Prepare
    const admin = await newAccount('role-scoped');
    const scoped = await api.createApiKey(admin.apiKey, { role: 'ADMIN', retailerId: 'r1' });

    // Act
    const read = await api.listRoles(scoped.body.apiKey);
    const write = await api.putRole(scoped.body.apiKey, 'auditor', { permissions: ['ACCOUNT_READ'] });

    // Assess
    expect(read.status).toBe(200);
    expect(write.status).toBe(403);
  });
});
