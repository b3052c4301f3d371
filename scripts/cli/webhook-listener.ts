import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { OutputStream } from './io';

/** Far above any message Ordo sends; a larger body is answered 413 and not printed. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** What the listener made of one request. */
export interface ReceivedMessage {
  method: string;
  path: string;
  /** The status it answered. */
  status: number;
  webhookId?: string;
  type?: string;
  verified: boolean;
  /** Why it is not verified: no secret given, or what the check found wrong. */
  unverifiedBecause?: string;
  /** The message's `data`, or the whole body when it is not a Standard Webhooks message. */
  data: unknown;
}

export interface WebhookListenerOptions {
  /** 0: any free port. */
  port: number;
  host?: string;
  /** `whsec_…`: each message is checked with it, and refused with 401 when it fails. */
  secret?: string;
  /** Where each message is printed, one block each. */
  out: OutputStream;
}

export interface WebhookListener {
  url: string;
  port: number;
  received: ReceivedMessage[];
  close(): Promise<void>;
}

const headerOf = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(' ') : value;
};

/** Headers as `Webhook.verify` reads them: single strings. */
const verifiableHeaders = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.keys(headers).flatMap((name) => (headerOf(headers, name) === undefined ? [] : [[name, headerOf(headers, name) as string]])));

const parsedJson = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

/** The Standard Webhooks check; a bad signature, stale timestamp or missing header is why it fails. */
const checkSignature = (verifier: Webhook | undefined, body: string, headers: IncomingHttpHeaders): string | undefined => {
  if (!verifier) return 'no --secret given';
  try {
    verifier.verify(body, verifiableHeaders(headers));
    return undefined;
  } catch (error) {
    // A message signed right whose body is not JSON fails in the parse after the check.
    if (error instanceof WebhookVerificationError) return error.message;
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
};

const indented = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/** One message as a block: what arrived, whether it is genuine, and its data, pretty. */
export const formatReceivedMessage = (message: ReceivedMessage): string => {
  const verified = message.verified ? 'yes' : `no (${message.unverifiedBecause})`;
  const data = typeof message.data === 'string' ? message.data : JSON.stringify(message.data, null, 2);
  return [
    `--- ${message.method} ${message.path} answered ${message.status}`,
    `type        ${message.type ?? '-'}`,
    `webhook-id  ${message.webhookId ?? '-'}`,
    `verified    ${verified}`,
    `data        ${indented(data ?? '', '            ')}`,
    '',
    '',
  ].join('\n');
};

const readBody = async (request: IncomingMessage): Promise<Buffer | undefined> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_MESSAGE_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

/**
 * Reads one request: 405 for anything but POST, 413 over the size cap, 401 when a secret is
 * given and the signature does not check out, 400 for a body that is not JSON, else 204.
 */
const receive = async (request: IncomingMessage, verifier: Webhook | undefined): Promise<ReceivedMessage> => {
  const seen = { method: request.method ?? '?', path: request.url ?? '/', webhookId: headerOf(request.headers, 'webhook-id') };
  if (request.method !== 'POST') return { ...seen, status: 405, verified: false, unverifiedBecause: 'not a POST', data: '' };
  const raw = await readBody(request);
  if (raw === undefined) return { ...seen, status: 413, verified: false, unverifiedBecause: `body over ${MAX_MESSAGE_BYTES} bytes`, data: '' };
  const body = raw.toString('utf8');
  const unverifiedBecause = checkSignature(verifier, body, request.headers);
  const json = parsedJson(body);
  const message = json !== null && typeof json === 'object' ? (json as { type?: unknown; data?: unknown }) : undefined;
  const status = verifier && unverifiedBecause ? 401 : json === undefined ? 400 : 204;
  return {
    ...seen,
    status,
    type: typeof message?.type === 'string' ? message.type : undefined,
    verified: unverifiedBecause === undefined,
    ...(unverifiedBecause === undefined ? {} : { unverifiedBecause }),
    data: message && 'data' in message ? message.data : (json ?? body),
  };
};

/**
 * A local receiver for Ordo's webhooks: it checks each message with `standardwebhooks`, as an
 * integrator's endpoint would, prints it and answers the status a real receiver should.
 */
export const startWebhookListener = async (options: WebhookListenerOptions): Promise<WebhookListener> => {
  const verifier = options.secret === undefined ? undefined : new Webhook(options.secret);
  const received: ReceivedMessage[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    receive(request, verifier)
      .then((message) => {
        received.push(message);
        options.out.write(formatReceivedMessage(message));
        response.writeHead(message.status).end();
      })
      .catch(() => response.writeHead(500).end());
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
