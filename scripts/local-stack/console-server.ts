import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { consoleCacheControl, consoleContentType } from '../../infra/console-files';
import { consoleContentSecurityPolicy } from './console-policy';

/** What the console reads at start from /config.json: where the API is (empty: its own origin) and the stage. */
export interface ConsoleConfig {
  apiBase: string;
  stage: string;
}

export interface RunningConsoleServer {
  /** The console's address, ending in a slash: http://127.0.0.1:<port>/ */
  url: string;
  /** The console's origin as a browser sends it (no trailing slash), for the API's CORS setting. */
  origin: string;
  stop(): Promise<void>;
}

type Found = { file: string; size: number; path: string } | { status: 400 | 404 };

/**
 * The file a request path names under `root`, or why there is none. A path that decodes or resolves outside the
 * root (`..`, an encoded slash, a symbolic link) is not found rather than forbidden, so it says nothing about what
 * exists there.
 */
const fileOf = async (root: string, pathname: string): Promise<Found> => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0')) return { status: 400 };
  const path = decoded === '/' ? '/index.html' : decoded;
  const candidate = resolve(root, `.${path}`);
  if (!candidate.startsWith(root + sep)) return { status: 404 };
  try {
    const real = await realpath(candidate);
    if (!real.startsWith(root + sep)) return { status: 404 };
    const stats = await stat(real);
    return stats.isFile() ? { file: real, size: stats.size, path } : { status: 404 };
  } catch {
    return { status: 404 };
  }
};

/**
 * A client route of the app (/orders/o-1: no dot in its last segment, not under /assets/) gets index.html, as the
 * CloudFront function ConsoleClientRoutes does in AWS; a missing file does not.
 */
const isClientRoute = (pathname: string): boolean => !pathname.startsWith('/assets/') && extname(pathname) === '';

const send = (response: ServerResponse, status: number, headers: Record<string, string>, body?: string) => {
  response.writeHead(status, { ...headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) });
  response.end(body);
};

/**
 * Serves the built console from `root` and its /config.json on 127.0.0.1, GET and HEAD only, with the security
 * headers and cache rules it gets behind CloudFront. Port 0 takes any free port.
 */
export const startConsoleServer = async (options: { root: string; port: number; config: ConsoleConfig }): Promise<RunningConsoleServer> => {
  const root = await realpath(resolve(options.root));
  const apiOrigin = options.config.apiBase ? new URL(options.config.apiBase).origin : undefined;
  const common = {
    'content-security-policy': consoleContentSecurityPolicy(apiOrigin),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
  const config = JSON.stringify(options.config);

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, { ...common, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, 'Method not allowed\n');
    }
    const head = request.method === 'HEAD';
    const pathname = (request.url ?? '/').split(/[?#]/)[0];
    if (pathname === '/config.json') {
      return send(response, 200, { ...common, 'content-type': consoleContentType(pathname), 'cache-control': 'no-cache' }, head ? undefined : config);
    }
    let found = await fileOf(root, pathname);
    if ('status' in found && found.status === 404 && isClientRoute(pathname)) found = await fileOf(root, '/');
    if ('status' in found) {
      const text = found.status === 400 ? 'Bad request\n' : 'Not found\n';
      return send(response, found.status, { ...common, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }, text);
    }
    response.writeHead(200, {
      ...common,
      'content-type': consoleContentType(found.file),
      'content-length': String(found.size),
      'cache-control': consoleCacheControl(found.path),
    });
    if (head) return response.end();
    createReadStream(found.file)
      .on('error', () => response.destroy())
      .pipe(response);
  };

  const server = createServer((request, response) => {
    serve(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, { 'content-type': 'text/plain; charset=utf-8' }, 'Internal error\n');
      else response.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => done());
  });
  const { port } = server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  return { url: `${origin}/`, origin, stop };
};
