import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { load } from '../../../scripts/load';
import { figuresByKind } from '../../../scripts/load/load-run';

/** A stand-in stack on a free loopback port: orders are allocated at once, with one fulfilment; positions as given. */
const fakeStack = async (options: { availabilityStatus?: number; reserved?: number } = {}) => {
  const requests: string[] = [];
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    requests.push(`${request.method} ${request.url}`);
    const answer = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname === '/v1/availability') return answer(options.availabilityStatus ?? 200, { available: true });
    if (url.pathname === '/v1/orders' && request.method === 'POST') {
      const sync = url.searchParams.get('mode') === 'sync';
      return answer(201, sync ? { status: 'ALLOCATED', fulfilments: [{ ref: `F-${requests.length}` }] } : { status: 'CREATED' });
    }
    if (url.pathname.startsWith('/v1/orders/')) return answer(200, { status: 'ALLOCATED' });
    if (url.pathname === '/v1/events/sync') return answer(200, { status: 'SUCCESS' });
    if (url.pathname === '/v1/inventory') return answer(200, { items: [{ skuRef: url.searchParams.get('skuRef'), locationRef: 'DC-1', onHand: 10, reserved: options.reserved ?? 2 }] });
    return answer(404, {});
  };
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => handle(request, response));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, requests, close: () => new Promise<void>((closed) => server.close(() => closed())) };
};

const run = async (argv: string[]) => {
  const lines: string[] = [];
  const code = await load(argv, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
};

describe('npm run load', () => {
  it('refuses a stack that is not on this machine unless --i-own-this-stack is given, sending nothing', async () => {
    // Act
    const attempt = run(['--base', 'https://api.example.com', '--seconds', '1', '--key', 'k']);

    // Assess
    await expect(attempt).rejects.toThrow('is not on this machine: add --i-own-this-stack');
  });

  it('refuses plain http to another machine even from its owner, as the key would cross the network in clear', async () => {
    // Act
    const attempt = run(['--base', 'http://10.0.0.5:3000', '--i-own-this-stack', '--seconds', '1', '--key', 'k']);

    // Assess
    await expect(attempt).rejects.toThrow('use https');
  });

  it('names the bounds of --seconds and --concurrency when given something else', async () => {
    // Act
    const attempt = run(['--base', 'http://127.0.0.1:9', '--concurrency', '0', '--key', 'k']);

    // Assess
    await expect(attempt).rejects.toThrow('--concurrency must be a whole number from 1 to 512, got "0"');
  });

  it('prints its usage and answers 2 without --base', async () => {
    // Act
    const { code, output } = await run([]);

    // Assess
    expect(code).toBe(2);
    expect(output).toContain('usage: npm run load -- --base <URL>');
  });

  it('reports every kind of request with its percentiles and exits 0 when all were answered and the stock holds', async () => {
    // Prepare
    const stack = await fakeStack();

    // Act
    const { code, output } = await run(['--base', stack.base, '--seconds', '1', '--concurrency', '4', '--key', 'k', '--seed', '7']);
    await stack.close();

    // Assess
    expect(code).toBe(0);
    for (const kind of ['availability', 'order (sync)', 'order (async)', 'order read', 'fulfilment event']) expect(output).toMatch(new RegExp(`^${kind.replace(/[()]/g, '\\$&')} +[1-9]\\d* +\\d+ ms`, 'm'));
    expect(output).toContain('✔ reserved ≤ onHand everywhere');
    expect(output).toContain('✔ every request answered as expected (0 errors of');
  });

  it('exits 1 and counts the errors by status when a kind is refused', async () => {
    // Prepare
    const stack = await fakeStack({ availabilityStatus: 503 });

    // Act
    const { code, output } = await run(['--base', stack.base, '--seconds', '1', '--concurrency', '2', '--key', 'k', '--seed', '7']);
    await stack.close();

    // Assess
    expect(code).toBe(1);
    expect(output).toMatch(/^availability .* \d+× 503$/m);
    expect(output).toContain('✘ every request answered as expected');
  });

  it('exits 1 naming the position when more is reserved than on hand', async () => {
    // Prepare
    const stack = await fakeStack({ reserved: 11 });

    // Act
    const { code, output } = await run(['--base', stack.base, '--seconds', '1', '--concurrency', '2', '--key', 'k', '--seed', '7']);
    await stack.close();

    // Assess
    expect(code).toBe(1);
    expect(output).toMatch(/✘ reserved ≤ onHand everywhere \(SKU-\d+@DC-1 reserved 11 of 10/);
  });
});

describe('figuresByKind', () => {
  it('takes percentiles over each kind alone and counts only unexpected statuses as errors', () => {
    // Prepare
    const samples = [
      ...Array.from({ length: 99 }, (_, i) => ({ kind: 'availability', status: 200, ms: i + 1 })),
      { kind: 'availability', status: 500, ms: 1000 },
      { kind: 'order (async)', status: 202, ms: 5 },
      { kind: 'order (async)', status: 0, ms: 30_000 },
    ];

    // Act
    const figures = figuresByKind(samples);

    // Assess
    expect(figures.find((row) => row.kind === 'availability')).toEqual({ kind: 'availability', requests: 100, p50: 50, p95: 95, p99: 99, errors: { 500: 1 } });
    expect(figures.find((row) => row.kind === 'order (async)')?.errors).toEqual({ 0: 1 });
    expect(figures.find((row) => row.kind === 'order read')?.requests).toBe(0);
  });
});
