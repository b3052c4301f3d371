import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventSummary } from '../../../scripts/cli/ordo-client';

/** A stand-in for Ordo's event list and retry routes on a real local port: STUCK events a page at a time, retries recorded. */
export interface FakeEventsServer {
  url: string;
  /** Retries received, as `<eventId>` or `<eventId>?retailerId=<retailerId>`. */
  retries: string[];
  /** Pages of the STUCK list served. */
  pages: number;
  close(): Promise<void>;
}

export const stuckEvent = (eventId: string, retailerId = 'r1'): EventSummary => ({
  eventId,
  name: 'BOOK',
  retailerId,
  entityType: 'ORDER',
  entityRef: `O-${eventId}`,
  status: 'PENDING',
  stuck: true,
  receivedOn: '2025-03-14T09:00:00.000Z',
  stuckSince: '2025-03-14T09:15:00.000Z',
  lastError: { code: 'ProvisionedThroughputExceededException', message: 'throttled', at: '2025-03-14T09:01:00.000Z' },
});

export const startFakeEventsServer = async (options: { apiKey: string; stuck: EventSummary[]; refuse?: Record<string, { status: number; code: string }> }): Promise<FakeEventsServer> => {
  const retries: string[] = [];
  let pages = 0;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${options.apiKey}`) return answer(401, { error: { code: 'UNAUTHENTICATED', message: 'no key' } });
    if (request.method === 'GET' && url.pathname === '/v1/events' && url.searchParams.get('status') === 'STUCK') {
      pages += 1;
      const from = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Number(url.searchParams.get('limit'));
      const next = from + limit;
      return answer(200, { items: options.stuck.slice(from, next), ...(next < options.stuck.length ? { cursor: String(next) } : {}) });
    }
    const retry = /^\/v1\/events\/([^/]+)\/retry$/.exec(url.pathname);
    if (request.method === 'POST' && retry) {
      const eventId = decodeURIComponent(retry[1]);
      retries.push(url.search ? `${eventId}${decodeURIComponent(url.search)}` : eventId);
      const refused = options.refuse?.[eventId];
      if (refused) return answer(refused.status, { error: { code: refused.code, message: `refused ${eventId}` }, requestId: 'req-1' });
      return answer(202, { eventId, status: 'PENDING' });
    }
    return answer(404, { error: { code: 'ROUTE_NOT_FOUND', message: 'no route' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    retries,
    get pages() {
      return pages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
