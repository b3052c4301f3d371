import { api, scanTable, tableNames, uniqueAccountId } from './control-plane-api';

const snapshot = async () => ({ tables: await tableNames(), control: (await scanTable('ordo-sandbox-control')).length });

describe('bad input', () => {
  it.each([
    ['invalid JSON', '{"accountId": ', 400, 'body'],
    ['a missing field', {}, 400, 'accountId'],
    ['an unknown field', { accountId: 'fine-id', plan: 'gold' }, 400, 'plan'],
    ['a wrong type', { accountId: 42 }, 400, 'accountId'],
    ['an empty body', '', 400, 'body'],
  ])('answers %s with a 4xx naming the field, and writes nothing', async (_case, body, status, field) => {
    // Prepare
    const before = await snapshot();

    // Act
    const response = await api.createAccount(body);

    // Assess
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED', field }, requestId: expect.any(String) });
    expect(await snapshot()).toEqual(before);
  });

  it('answers a 1 MB body with 413 and writes nothing', async () => {
    // Prepare
    const before = await snapshot();
    const body = JSON.stringify({ accountId: uniqueAccountId('big'), name: 'x'.repeat(1024 * 1024) });

    // Act
    const response = await api.createAccount(body);

    // Assess
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await snapshot()).toEqual(before);
  });

  it('lists every invalid field of one request', async () => {
    // Act
    const response = await api.createAccount({ accountId: 'X', environment: 'staging' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(['accountId', 'environment']);
  });
});
