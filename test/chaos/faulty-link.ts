import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A reply the link gives in the emulator's place, without passing the request on. */
export interface Interference {
  status: number;
  body: string;
}

export interface LinkOptions {
  /**
   * Replaces the emulator's origin by the link's in every reply: local SQS answers queue URLs on its own port, and
   * the SDK sends to a queue URL's host rather than to its configured endpoint, which would go round the link.
   */
  rewriteOrigin?: boolean;
  /** Called with each request's body while the link is up; a reply answers it in the emulator's place. */
  interfere?: (body: Buffer) => Interference | undefined;
}

/**
 * An HTTP hop between the handlers and an emulator, on this machine, that can go down: while `down`, every
 * connection is destroyed as it makes a request (and those open when it went down are closed), as a network or a
 * service outage looks to the SDK. Between outages it passes requests through, or answers some itself (`interfere`).
 */
export class FaultyLink {
  /** Requests whose connection was destroyed because the link was down. */
  refused = 0;
  /** Requests answered by `interfere` instead of the emulator. */
  interfered = 0;
  private isDown = false;

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
    private readonly options: LinkOptions,
  ) {
    server.on('request', (incoming: IncomingMessage, outgoing: ServerResponse) => this.pass(incoming, outgoing));
  }

  static async start(target: string, options: LinkOptions = {}): Promise<FaultyLink> {
    const server = createServer({ keepAlive: true });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FaultyLink(server, new URL(target), options);
  }

  url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get down(): boolean {
    return this.isDown;
  }

  /** Takes the link down (closing the connections open now) or brings it back. */
  set down(value: boolean) {
    this.isDown = value;
    if (value) this.server.closeAllConnections();
  }

  /** Down for `ms`, then up again. */
  async outage(ms: number): Promise<void> {
    this.down = true;
    await new Promise((resolve) => setTimeout(resolve, ms));
    this.down = false;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private pass(incoming: IncomingMessage, outgoing: ServerResponse): void {
    if (this.isDown) {
      this.refused++;
      incoming.socket.destroy();
      return;
    }
    // The whole request first: `interfere` may look at it, and it goes on in one piece.
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => this.answer(incoming, outgoing, Buffer.concat(chunks)));
  }

  private answer(incoming: IncomingMessage, outgoing: ServerResponse, body: Buffer): void {
    const interference = this.options.interfere?.(body);
    if (interference) {
      this.interfered++;
      outgoing.writeHead(interference.status, { 'content-type': 'application/x-amz-json-1.0' }).end(interference.body);
      return;
    }
    const upstream = request(
      { host: this.target.hostname, port: this.target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (reply) => (this.options.rewriteOrigin ? this.rewritten(reply, outgoing) : this.piped(reply, outgoing)),
    );
    upstream.on('error', () => incoming.socket.destroy());
    upstream.end(body);
  }

  private piped(reply: IncomingMessage, outgoing: ServerResponse): void {
    outgoing.writeHead(reply.statusCode ?? 502, reply.headers);
    reply.pipe(outgoing);
  }

  private rewritten(reply: IncomingMessage, outgoing: ServerResponse): void {
    const chunks: Buffer[] = [];
    reply.on('data', (chunk: Buffer) => chunks.push(chunk));
    reply.on('end', () => {
      const body = Buffer.from(Buffer.concat(chunks).toString('utf8').split(this.target.host).join(new URL(this.url()).host));
      outgoing.writeHead(reply.statusCode ?? 502, { ...reply.headers, 'content-length': String(body.length) }).end(body);
    });
  }
}
