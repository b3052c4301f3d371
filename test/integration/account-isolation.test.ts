import { api, newAccount, scanTable } from './control-plane-api';

describe('account isolation', () => {
  it("keeps account B's key out of account A's profile, whatever the request says", async () => {
    // Prepare
    const a = await newAccount('iso-a');
    const b = await newAccount('iso-b');

    // Act
    const response = await api.getAccount(b.apiKey, {
      query: { accountId: a.accountId },
      headers: { 'x-ordo-account': a.accountId },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.accountId).toBe(b.accountId);
  });

  it("does not list account A's keys to account B", async () => {
    // Prepare
    const a = await newAccount('list-a');
    const b = await newAccount('list-b');

    // Act
    const response = await api.listApiKeys(b.apiKey);

    // Assess
    const keyIds = response.body.items.map((key: { keyId: string }) => key.keyId);
    expect(keyIds).toContain(b.keyId);
    expect(keyIds).not.toContain(a.keyId);
  });

  it("answers 404 when account B revokes account A's key, and A's key keeps working", async () => {
    // Prepare
    const a = await newAccount('rev-a');
    const b = await newAccount('rev-b');

    // Act
    const response = await api.revokeApiKey(b.apiKey, a.keyId);

    // Assess
    expect(response.status).toBe(404);
    expect((await api.getAccount(a.apiKey)).status).toBe(200);
  });

  it("writes a key issued by account B into B's account only", async () => {
    // Prepare
    const a = await newAccount('issue-a');
    const b = await newAccount('issue-b');

    // Act
    const issued = await api.createApiKey(b.apiKey, { role: 'ADMIN' });

    // Assess
    const item = (await scanTable('ordo-sandbox-control')).find((row) => row.keyId?.S === issued.body.keyId);
    expect(item?.accountId?.S).toBe(b.accountId);
    expect((await api.listApiKeys(a.apiKey)).body.items.map((k: { keyId: string }) => k.keyId)).not.toContain(
      issued.body.keyId,
    );
  });

  it("keeps each account's profile in its own table", async () => {
    // Prepare
    const a = await newAccount('tab-a', { retailers: [] });
    const b = await newAccount('tab-b', { retailers: [] });

    // Act
    const aItems = await scanTable(`ordo-sandbox-acct-${a.accountId}`);

    // Assess
    expect(aItems.map((item) => item.accountId?.S)).toEqual([a.accountId]);
    expect(JSON.stringify(aItems)).not.toContain(b.accountId);
  });
});
