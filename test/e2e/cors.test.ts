import { consoleUrl } from '../support/browser';
import { baseUrl, demoKey, responseContract } from './http-client';

/** The origin of the console the stack serves, which its API answers CORS for. */
const CONSOLE = new URL(consoleUrl()).origin;
const EVIL = 'http://evil.example';

/** A preflight as a browser sends it before a cross-origin call with an API key. */
const preflight = (path: string, origin: string) =>
  fetch(`${baseUrl()}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,x-api-key,content-type' },
  });

/** A call from a page of `origin`; the reply is held to openapi.yaml as every e2e reply is. */
const fromPage = async (method: string, path: string, origin: string, apiKey?: string) => {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { origin, ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
  });
  const text = await response.text();
  responseContract().assertConforms({
    method,
    path,
    status: response.status,
    contentType: response.headers.get('content-type'),
    text,
    headers: Object.fromEntries(response.headers),
  });
  return response;
};

describe("CORS for the console's origin", () => {
  it('answers a preflight from the console with its origin, allowing the API key headers and no credentials', async () => {
    // Act
    const response = await preflight('/v1/orders', CONSOLE);

    // Assess
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase().split(/\s*,\s*/)).toEqual(
      expect.arrayContaining(['x-api-key', 'authorization', 'content-type']),
    );
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('answers a preflight from another site without Access-Control-Allow-Origin', async () => {
    // Act
    const response = await preflight('/v1/orders', EVIL);

    // Assess
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it("lets the console read GET /v1/account and its request id, the origin named once", async () => {
    // Act
    const response = await fromPage('GET', '/v1/account', CONSOLE, demoKey());

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(response.headers.get('access-control-expose-headers')?.split(/\s*,\s*/)).toContain('x-request-id');
    expect(response.headers.get('vary')?.toLowerCase().split(/\s*,\s*/).filter((name) => name === 'origin')).toEqual(['origin']);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives a page of another site no Access-Control-Allow-Origin on GET /v1/account', async () => {
    // Act
    const response = await fromPage('GET', '/v1/account', EVIL, demoKey());

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the console read a 401, so it can tell a bad key from a network failure', async () => {
    // Act
    const response = await fromPage('GET', '/v1/account', CONSOLE);

    // Assess
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE);
  });

  it("lets the console read the fallback's 404 for a path no route takes", async () => {
    // Act
    const response = await fetch(`${baseUrl()}/v1/no-such-thing`, { headers: { origin: CONSOLE } });

    // Assess
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE);
  });
});
