import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { WebhookRequest, WebhookResponse, WebhookSender } from '../../ports/webhook-sender';

export interface HttpWebhookSenderOptions {
  /** The whole attempt (connect, send, response) must fit in this; a slower endpoint has failed. */
  timeoutMs?: number;
  /** Response bytes read before the connection is cut: the status is all a delivery needs. */
  maxResponseBytes?: number;
}

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_MAX_RESPONSE_BYTES = 64 * 1024;
const ERROR_TEXT_LIMIT = 200;

type Outcome = Omit<WebhookResponse, 'durationMs'>;

/**
 * The DNS lookup of the request, answering only with the addresses the SSRF guard accepted: a name
 * whose DNS answer changed since the check (DNS rebinding) still reaches a checked address. TLS SNI
 * and the Host header stay the URL's hostname, so certificates and virtual hosts work as usual.
 */
const checkedLookup =
  (addresses: readonly string[]): LookupFunction =>
  (_hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
    const candidates = addresses.map((address) => ({ address, family: isIP(address) })).filter(({ family }) => family !== 0 && (wanted === 0 || family === wanted));
    const first = candidates[0];
    if (first === undefined) {
      callback(Object.assign(new Error(`no checked IPv${wanted} address to connect to`), { code: 'ENOTFOUND' }), '');
    } else if (options.all) {
      callback(null, candidates);
    } else {
      callback(null, first.address, first.family);
    }
  };

/** Node's messages name the code and the address; cut short so a long one cannot flood the record. */
const describe = (error: Error): string => error.message.slice(0, ERROR_TEXT_LIMIT);

/** Why the request must not be made at all, if so. */
const refusal = (url: URL, addresses: readonly string[]): string | undefined => {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `unsupported protocol ${url.protocol}`;
  if (!addresses.some((address) => isIP(address) !== 0)) return 'no checked address to connect to';
  // An IP in the URL is connected to without any lookup, so it must itself be one of the checked ones.
  const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(literal) !== 0 && !addresses.includes(literal)) return 'the address in the URL is not one of the checked addresses';
  return undefined;
};

/** Delivers webhooks over node:http / node:https, to the checked addresses only, following no redirects. */
export class HttpWebhookSender implements WebhookSender {
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(options: HttpWebhookSenderOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
    this.maxResponseBytes = options.maxResponseBytes ?? WEBHOOK_MAX_RESPONSE_BYTES;
  }

  send({ url, addresses, headers, body }: WebhookRequest): Promise<WebhookResponse> {
    const started = performance.now();
    return new Promise((resolve) => {
      let req: ClientRequest | undefined;
      let statusCode: number | undefined;
      let settled = false;
      const finish = (outcome: Outcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // Whatever is left of the response is not read: the socket goes with the request.
        req?.destroy();
        resolve({ ...outcome, durationMs: Math.round(performance.now() - started) });
      };
      // Once the status is in, running out of time or bytes only ends the reading: the status stands.
      const timer = setTimeout(
        () => finish(statusCode === undefined ? { error: `no response within ${this.timeoutMs} ms` } : { statusCode }),
        this.timeoutMs,
      );

      const refused = refusal(url, addresses);
      if (refused !== undefined) return finish({ error: refused });

      const options: RequestOptions = {
        method: 'POST',
        hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port === '' ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        headers: {
          'user-agent': 'Ordo-Webhooks',
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
        lookup: checkedLookup(addresses),
        // No pooled socket: one kept alive from an earlier request may lead to an address that is no longer checked.
        agent: false,
      };
      const onResponse = (res: IncomingMessage): void => {
        // A 3xx is answered like any other status: its Location is never followed.
        statusCode = res.statusCode;
        let received = 0;
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received >= this.maxResponseBytes) finish({ statusCode });
        });
        res.on('end', () => finish({ statusCode }));
        res.on('error', () => finish({ statusCode }));
        res.on('aborted', () => finish({ statusCode }));
      };
      try {
        req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(options, onResponse);
      } catch (error) {
        return finish({ error: describe(error as Error) });
      }
      req.on('error', (error) => finish(statusCode === undefined ? { error: describe(error) } : { statusCode }));
      req.end(body);
    });
  }
}
