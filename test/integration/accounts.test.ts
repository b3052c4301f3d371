import { api, newAccount, scanTable, tableNames, uniqueAccountId } from './control-plane-api';

describe('POST /v1/accounts', () => {
  it('creates the account and its own table named after the account', async () => {
    // Prepare
    const accountId = uniqueAccountId('acme');

    // Act
    const response = await api.createAccount({ accountId, name: 'Acme Retail' });

    // Assess
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ accountId, environment: 'sandbox' });
    expect(response.body.apiKey).toEqual(expect.stringMatching(/^ordo_/));
    expect(await tableNames()).toContain(`ordo-sandbox-acct-${accountId}`);
  });

  it('gives the new account an ADMIN key that reads the account back', async () => {
    // Prepare
    const { accountId, apiKey } = await newAccount('first-key');

    // Act
    const response = await api.getAccount(apiKey);

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ accountId, role: 'ADMIN' });
  });

  it('refuses a duplicate account id with 409', async () => {
    // Prepare
    const { accountId } = await newAccount('dup');

    // Act
    const response = await api.createAccount({ accountId });

    // Assess
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'CONFLICT', field: 'accountId' });
  });

  it('refuses an account id outside [a-z0-9-]{3,32} and creates nothing', async () => {
    // Prepare
    const before = await tableNames();

    // Act
    const response = await api.createAccount({ accountId: 'Bad_Id!' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('accountId');
    expect(await tableNames()).toEqual(before);
    expect((await scanTable('ordo-sandbox-control')).some((item) => item.PK?.S === 'ACCOUNT#Bad_Id!')).toBe(false);
  });

  it('refuses an account key on the operator route with 401', async () => {
    // Prepare
    const { apiKey } = await newAccount('not-operator');

    // Act
    const response = await api.createAccount({ accountId: uniqueAccountId('sneaky') }, apiKey);

    // Assess
    expect(response.status).toBe(401);
  });
});
