import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the receiving server saw it. */
export interface ReceivedWebhook {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the receiver answers one request; it may also never answer. */
export type Responder = (request: IncomingMessage, response: ServerResponse) => void;

export const answerWith =
  (statusCode: number, headers: Record<string, string> = {}): Responder =>
  (_request, response) => {
    response.writeHead(statusCode, headers).end();
  };

export const neverAnswer: Responder = () => undefined;

/**
 * A local HTTP endpoint on 127.0.0.1 and a free port, standing for an integrator's webhook receiver:
 * it records what arrives and answers each request with the next responder (the last one repeats).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly responders: Responder[];

  private constructor(
    private readonly server: Server,
    responders: Responder[],
  ) {
    this.responders = responders;
  }

  static async start(...responders: Responder[]): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server, responders.length > 0 ? responders : [answerWith(204)]);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => receiver.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** A URL of this receiver; `host` may name any host, the port stays this receiver's. */
  url(path = '/hooks', host = '127.0.0.1'): URL {
    return new URL(`http://${host}:${this.port}${path}`);
  }

  async close(): Promise<void> {
    // Requests left hanging on purpose must not keep the test process alive.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const index = this.received.length;
      this.received.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const responder = this.responders[Math.min(index, this.responders.length - 1)];
      responder(request, response);
    });
  }
}

/** The headers of a received request as `standardwebhooks`' `Webhook.verify` takes them. */
export const verifiableHeaders = (received: ReceivedWebhook): Record<string, string> =>
  Object.fromEntries(Object.entries(received.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));
