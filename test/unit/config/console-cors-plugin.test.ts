import { applyConsoleCors, consoleOrigins, keepToConsoleOrigins } from '../../../infra/plugins/console-cors';
import type { ServerlessHttpFunction } from '../../../infra/plugins/console-cors';

const HEADERS = ['authorization', 'x-api-key', 'content-type'];

const functions = (): Record<string, ServerlessHttpFunction> => ({
  listOrders: { events: [{ http: { path: '/v1/orders', method: 'get' } }] },
  routeFallback: { events: [{ http: { path: '/{proxy+}', method: 'any' } }] },
  processQueuedEvents: { events: [{ sqs: { arn: 'arn' } }] },
});

describe('the console-cors serverless plugin', () => {
  it('puts the origins and headers on every http event, without credentials', () => {
    // Prepare
    const fns = functions();

    // Act
    applyConsoleCors(fns, { origins: 'http://127.0.0.1:3003,http://localhost:3003', headers: HEADERS });

    // Assess
    const cors = { origins: ['http://127.0.0.1:3003', 'http://localhost:3003'], headers: HEADERS, allowCredentials: false };
    expect(fns.listOrders?.events).toEqual([{ http: { path: '/v1/orders', method: 'get', cors } }]);
    expect(fns.routeFallback?.events).toEqual([{ http: { path: '/{proxy+}', method: 'any', cors } }]);
  });

  it('leaves events of other kinds alone', () => {
    // Prepare
    const fns = functions();

    // Act
    applyConsoleCors(fns, { origins: ['http://127.0.0.1:3003'], headers: HEADERS });

    // Assess
    expect(fns.processQueuedEvents?.events).toEqual([{ sqs: { arn: 'arn' } }]);
  });

  it('adds no CORS when the stage lists no origin', () => {
    // Prepare
    const fns = functions();

    // Act
    const changed = applyConsoleCors(fns, { origins: ' , ', headers: HEADERS });

    // Assess
    expect(changed).toBe(0);
    expect(fns).toEqual(functions());
  });

  it('refuses a serverless.yml without its settings', () => {
    // Act
    const apply = () => applyConsoleCors(functions(), undefined);

    // Assess
    expect(apply).toThrow('custom.consoleCors is missing');
  });

  it('reads origins from a comma-separated string, trimmed and without a trailing slash', () => {
    // Act
    const origins = consoleOrigins(' http://127.0.0.1:3003/ ,http://localhost:3003');

    // Assess
    expect(origins).toEqual(['http://127.0.0.1:3003', 'http://localhost:3003']);
  });
});

describe("the console-cors plugin's guard of serverless offline", () => {
  const offlineAnswer = (origin: string) => ({
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-allow-headers': 'x-anything',
    'content-type': 'application/json',
  });

  it('takes every Access-Control header off an answer to an origin not in the list', () => {
    // Prepare
    const headers = offlineAnswer('http://evil.example');

    // Act
    keepToConsoleOrigins(headers, 'http://evil.example', ['http://127.0.0.1:3003']);

    // Assess
    expect(headers).toEqual({ 'content-type': 'application/json' });
  });

  it('keeps the origin of a listed one but never allows credentials', () => {
    // Prepare
    const headers = offlineAnswer('http://127.0.0.1:3003');

    // Act
    keepToConsoleOrigins(headers, 'http://127.0.0.1:3003', ['http://127.0.0.1:3003']);

    // Assess
    expect(headers).toEqual({
      'access-control-allow-origin': 'http://127.0.0.1:3003',
      'access-control-allow-headers': 'x-anything',
      'content-type': 'application/json',
    });
  });
});
