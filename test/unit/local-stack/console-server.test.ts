import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startConsoleServer, type RunningConsoleServer } from '../../../scripts/local-stack/console-server';

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with its path sent exactly as written: fetch would resolve `..` before sending it. */
const raw = (server: RunningConsoleServer, path: string, options: { method?: string } = {}): Promise<RawReply> =>
  new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const outgoing = request(
      { host: url.hostname, port: url.port, path, method: options.method ?? 'GET' },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });

describe('the local console server', () => {
  let folder: string;
  let server: RunningConsoleServer;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ordo-console-'));
    const dist = join(folder, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Ordo Console</title>');
    writeFileSync(join(dist, 'assets', 'index-4f2a9c.js'), 'console.log("console");');
    writeFileSync(join(dist, 'assets', 'index-77e1b0.css'), 'body { margin: 0 }');
    writeFileSync(join(dist, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(folder, 'secret.txt'), 'not for the browser');
    symlinkSync(join(folder, 'secret.txt'), join(dist, 'linked.txt'));
    server = await startConsoleServer({ root: dist, port: 0, config: { apiBase: 'http://127.0.0.1:3000', stage: 'local' } });
  });

  afterAll(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers / with index.html as HTML that the browser checks again on every visit', async () => {
    // Act
    const reply = await raw(server, '/');

    // Assess
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Ordo Console</title>');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-cache');
  });

  it('serves a hashed script under /assets/ as JavaScript cached for a year', async () => {
    // Act
    const reply = await raw(server, '/assets/index-4f2a9c.js');

    // Assess
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('console.log("console");');
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each([
    ['/assets/index-77e1b0.css', 'text/css; charset=utf-8'],
    ['/logo.svg', 'image/svg+xml'],
  ])('serves %s as %s', async (path, contentType) => {
    // Act
    const reply = await raw(server, path);

    // Assess
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(contentType);
  });

  it('serves /config.json with the local API base and stage, never cached', async () => {
    // Act
    const reply = await raw(server, '/config.json');

    // Assess
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ apiBase: 'http://127.0.0.1:3000', stage: 'local' });
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/assets/index-000000.js', '/missing.png', '/assets/chunk'])('answers 404 for %s, a file that does not exist', async (path) => {
    // Act
    const reply = await raw(server, path);

    // Assess
    expect(reply.status).toBe(404);
    expect(reply.body).toBe('Not found\n');
  });

  it('answers a client route of the app with index.html, so a reload of /orders/o-1 works', async () => {
    // Act
    const reply = await raw(server, '/orders/o-1');

    // Assess
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Ordo Console</title>');
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets%2f..%2f..%2fsecret.txt'])(
    'does not serve a file outside the console folder asked for as %s',
    async (path) => {
      // Act
      const reply = await raw(server, path);

      // Assess
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('not for the browser');
    },
  );

  it('does not follow a symbolic link out of the console folder', async () => {
    // Act
    const reply = await raw(server, '/linked.txt');

    // Assess
    expect(reply.status).toBe(404);
  });

  it('answers 400 for a path that does not decode', async () => {
    // Act
    const reply = await raw(server, '/%E0%A4%A');

    // Assess
    expect(reply.status).toBe(400);
  });

  it('refuses a method other than GET and HEAD with 405 naming the allowed ones', async () => {
    // Act
    const reply = await raw(server, '/index.html', { method: 'POST' });

    // Assess
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
  });

  it('sends a Content-Security-Policy that lets the pages call the API origin and nothing else', async () => {
    // Act
    const reply = await raw(server, '/');

    // Assess
    expect(reply.headers['content-security-policy']).toContain("connect-src 'self' http://127.0.0.1:3000;");
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });
});
