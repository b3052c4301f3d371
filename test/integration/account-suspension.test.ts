import { api, newAccount } from './control-plane-api';

describe('account suspension', () => {
  it('answers every key of a suspended account with 403 ACCOUNT_SUSPENDED from the next request', async () => {
    // Prepare
    const admin = await newAccount('suspend');
    const scoped = await api.createApiKey(admin.apiKey, { role: 'INTEGRATION', retailerId: 'r1' });
    expect((await api.getAccount(scoped.body.apiKey)).status).toBe(200);

    // Act
    const suspended = await api.updateAccount(admin.accountId, { status: 'SUSPENDED' });
    const responses = [await api.getAccount(admin.apiKey), await api.listApiKeys(admin.apiKey), await api.getAccount(scoped.body.apiKey)];

    // Assess
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ accountId: admin.accountId, status: 'SUSPENDED' });
    expect(responses.map((response) => [response.status, response.body.error?.code])).toEqual([
      [403, 'ACCOUNT_SUSPENDED'],
      [403, 'ACCOUNT_SUSPENDED'],
      [403, 'ACCOUNT_SUSPENDED'],
    ]);
  });

  it('lets the keys in again from the next request after the account is ACTIVE again', async () => {
    // Prepare
    const admin = await newAccount('reactivate');
    await api.updateAccount(admin.accountId, { status: 'SUSPENDED' });
    expect((await api.getAccount(admin.apiKey)).status).toBe(403);

    // Act
    const reactivated = await api.updateAccount(admin.accountId, { status: 'ACTIVE' });
    const response = await api.getAccount(admin.apiKey);

    // Assess
    expect(reactivated.status).toBe(200);
    expect(reactivated.body.status).toBe('ACTIVE');
    expect(response.status).toBe(200);
  });

  it("leaves the other accounts' keys working", async () => {
    // Prepare
    const suspended = await newAccount('susp-a');
    const other = await newAccount('susp-b');

    // Act
    await api.updateAccount(suspended.accountId, { status: 'SUSPENDED' });
    const response = await api.getAccount(other.apiKey);

    // Assess
    expect(response.status).toBe(200);
  });

  it("refuses the account's own ADMIN key with 401 and keeps the account as it was", async () => {
    // Prepare
    const admin = await newAccount('susp-self');

    // Act
    const response = await api.updateAccount(admin.accountId, { status: 'SUSPENDED' }, admin.apiKey);

    // Assess
    expect(response.status).toBe(401);
    expect((await api.getAccount(admin.apiKey)).status).toBe(200);
  });

  it('answers 404 for an account that does not exist', async () => {
    // Act
    const response = await api.updateAccount('no-such-account-here', { status: 'SUSPENDED' });

    // Assess
    expect(response.status).toBe(404);
  });

  it('answers 400 naming status for a status the operator may not set', async () => {
    // Prepare
    const admin = await newAccount('susp-bad');

    // Act
    const response = await api.updateAccount(admin.accountId, { status: 'DELETED' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('status');
  });
});
