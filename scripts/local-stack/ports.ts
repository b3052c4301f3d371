import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Fails early with the setting to change, instead of a child dying on EADDRINUSE. */
export const assertPortFree = (port: number, what: string, setting: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () =>
      reject(new Error(`Port ${port} for ${what} is already in use. Stop whatever holds it, or set ${setting}.`)),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });

const canBind = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * Where the kernel takes the local ports of outgoing connections. A port it hands out for
 * listen(0) comes from this same range, so between the probe and the child's own listen an
 * SDK client's connection can take it (EADDRINUSE in CI). Test ports are drawn below it.
 */
const ephemeralRangeStart = (): number => {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const start = Number(low);
    return Number.isInteger(start) && start > 12_000 ? start : 32_768;
  } catch {
    return 32_768;
  }
};

const handedOut = new Set<number>();

/** A port that is free now and outside the ephemeral range, for test stacks that must not clash. */
export const freePort = async (): Promise<number> => {
  const low = 10_000;
  const high = ephemeralRangeStart() - 1;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (handedOut.has(port)) continue;
    if (await canBind(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`No free port found between ${low} and ${high}`);
};

/** Thrown by a readiness probe when waiting longer cannot help: the child exited, or cannot listen. */
export class StartFailedError extends Error {}

/**
 * Polls `probe` until it answers true. A probe that throws is not ready yet (a refused
 * connection), unless it throws StartFailedError, which ends the wait at once.
 */
export const waitFor = async (what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await probe().catch((error: unknown) => {
      if (error instanceof StartFailedError) throw error;
      return false;
    });
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`);
};
