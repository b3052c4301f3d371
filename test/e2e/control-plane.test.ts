import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { demoKey, http, operatorKey } from './http-client';

const listTables = async () => {
  const client = new DynamoDBClient({
    endpoint: process.env.ORDO_E2E_DYNAMODB,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const { TableNames = [] } = await client.send(new ListTablesCommand({}));
  client.destroy();
  return TableNames;
};

describe('the local stack over HTTP', () => {
  it('reports health with a real DynamoDB round trip', async () => {
    // Act
    const response = await http('GET', '/v1/health');

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', dynamodb: 'ok', version: expect.any(String) });
  });

  it('serves the contract as JSON at /v1/openapi.json without a key, cacheable and tagged with its ETag', async () => {
    // Act
    const response = await http('GET', '/v1/openapi.json');

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ openapi: expect.stringMatching(/^3\./), paths: expect.objectContaining({ '/v1/openapi.json': expect.any(Object) }) });
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
  });

  it('serves the demo account to the demo key that npm start prints', async () => {
    // Act
    const response = await http('GET', '/v1/account', { apiKey: demoKey() });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ accountId: 'demo', role: 'ADMIN' });
  });

  it('creates account acme with its own table in DynamoDB Local', async () => {
    // Act
    const response = await http('POST', '/v1/accounts', { apiKey: operatorKey(), body: { accountId: 'acme' } });

    // Assess
    expect(response.status).toBe(201);
    expect(await listTables()).toContain('ordo-sandbox-acct-acme');
    const acme = await http('GET', '/v1/account', { apiKey: response.body.apiKey });
    expect(acme.body.accountId).toBe('acme');
  });

  it('turns a key away with 401 right after it is revoked', async () => {
    // Prepare
    const issued = await http('POST', '/v1/api-keys', { apiKey: demoKey(), body: { role: 'INTEGRATION' } });

    // Act
    const revoked = await http('DELETE', `/v1/api-keys/${issued.body.keyId}`, { apiKey: demoKey() });
    const after = await http('GET', '/v1/account', { apiKey: issued.body.apiKey });

    // Assess
    expect(revoked.status).toBe(204);
    expect(after.status).toBe(401);
  });

  it('answers a READONLY key that writes with 403', async () => {
    // Prepare
    const readonly = await http('POST', '/v1/api-keys', { apiKey: demoKey(), body: { role: 'READONLY' } });

    // Act
    const response = await http('POST', '/v1/api-keys', { apiKey: readonly.body.apiKey, body: { role: 'ADMIN' } });

    // Assess
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
  });

  it('answers an unknown route with a JSON 404', async () => {
    // Act
    const response = await http('GET', '/v1/no-such-thing');

    // Assess
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' }, requestId: expect.any(String) });
  });

  it('answers a wrong method on a known route with a JSON 405', async () => {
    // Act
    const response = await http('PATCH', '/v1/health');

    // Assess
    expect(response.status).toBe(405);
    expect(response.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers invalid JSON with 400 naming the body', async () => {
    // Act
    const response = await http('POST', '/v1/api-keys', { apiKey: demoKey(), rawBody: '{"role":' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('body');
  });

  it('answers a 1 MB body with 413', async () => {
    // Act
    const response = await http('POST', '/v1/api-keys', {
      apiKey: demoKey(),
      rawBody: JSON.stringify({ role: 'ADMIN', retailerId: 'x'.repeat(1024 * 1024) }),
    });

    // Assess
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('never shows a stack trace or key in an error reply', async () => {
    // Act
    const response = await http('POST', '/v1/api-keys', { apiKey: demoKey(), body: { role: 'ROOT' } });

    // Assess
    expect(response.status).toBe(400);
    expect(response.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
    expect(response.text).not.toContain(demoKey());
  });
});
