import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { HttpWebhookSender } from '../../../../shared/adapters/webhooks/http-webhook-sender';
import type { WebhookRequest } from '../../../../shared/ports/webhook-sender';
import { WebhookReceiver, answerWith, neverAnswer, type Responder } from '../../../support/webhook-receiver';

const BODY = '{"type":"order.created","timestamp":"2025-01-01T10:00:00.000Z","data":{"orderRef":"ORD-1","note":"café"}}';
const request = (url: URL, overrides: Partial<WebhookRequest> = {}): WebhookRequest => ({
  url,
  addresses: ['127.0.0.1'],
  headers: { 'webhook-id': 'msg_1' },
  body: BODY,
  ...overrides,
});

/** Streams a 200 response that never ends, noting when the client cuts the connection and how much it was sent. */
const endlessResponse = (observed: { closed: boolean; bytesWritten: number }): Responder => (_request, response: ServerResponse) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  const chunk = Buffer.alloc(16 * 1024, 'x');
  const write = (): void => {
    while (!response.destroyed && response.write(chunk)) observed.bytesWritten += chunk.length;
  };
  response.on('drain', write);
  response.on('close', () => (observed.closed = true));
  write();
};

describe('HttpWebhookSender', () => {
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it('POSTs the body byte for byte as JSON with the given headers', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(204));

    // Act
    await new HttpWebhookSender().send(request(receiver.url('/hooks?tenant=a')));

    // Assess
    expect(receiver.received).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/hooks?tenant=a',
        body: BODY,
        headers: expect.objectContaining({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(BODY)), 'webhook-id': 'msg_1' }),
      }),
    ]);
  });

  it('returns the status and how long the attempt took', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(202));

    // Act
    const response = await new HttpWebhookSender().send(request(receiver.url()));

    // Assess
    expect(response).toEqual({ statusCode: 202, durationMs: expect.any(Number) });
    expect(response.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('returns a 5xx as a status, not an error', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(500));

    // Act
    const response = await new HttpWebhookSender().send(request(receiver.url()));

    // Assess
    expect(response).toEqual({ statusCode: 500, durationMs: expect.any(Number) });
  });

  it('does not follow a redirect: the 302 is the answer and its Location gets no request', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(302, { location: '/elsewhere' }));

    // Act
    const response = await new HttpWebhookSender().send(request(receiver.url('/hooks')));

    // Assess
    expect(response.statusCode).toBe(302);
    expect(receiver.received.map(({ path }) => path)).toEqual(['/hooks']);
  });

  it('gives up on an endpoint that never answers once the timeout has passed', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(neverAnswer);

    // Act
    const response = await new HttpWebhookSender({ timeoutMs: 150 }).send(request(receiver.url()));

    // Assess
    expect(response).toEqual({ durationMs: expect.any(Number), error: 'no response within 150 ms' });
    expect(response.durationMs).toBeGreaterThanOrEqual(140);
    expect(response.durationMs).toBeLessThan(1_000);
  });

  it('stops reading a huge response at the cap and cuts the connection, keeping the status', async () => {
    // Prepare
    const observed = { closed: false, bytesWritten: 0 };
    receiver = await WebhookReceiver.start(endlessResponse(observed));

    // Act
    const response = await new HttpWebhookSender({ maxResponseBytes: 64 * 1024, timeoutMs: 5_000 }).send(request(receiver.url()));

    // Assess
    expect(response).toEqual({ statusCode: 200, durationMs: expect.any(Number) });
    expect(response.durationMs).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(observed.closed).toBe(true);
  });

  it('connects to the checked address, whatever the URL host would resolve to', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(204));

    // Act
    const response = await new HttpWebhookSender().send(request(receiver.url('/hooks', 'example.invalid'), { addresses: ['127.0.0.1'] }));

    // Assess
    expect(response.statusCode).toBe(204);
    expect(receiver.received).toHaveLength(1);
  });

  it('keeps the URL hostname in the Host header when connecting to the checked address', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(204));

    // Act
    await new HttpWebhookSender().send(request(receiver.url('/hooks', 'example.invalid'), { addresses: ['127.0.0.1'] }));

    // Assess
    expect(receiver.received[0].headers.host).toBe(`example.invalid:${receiver.port}`);
  });

  it('names the URL hostname in TLS (SNI) while connecting to the checked address over https', async () => {
    // Prepare
    const serverNames: string[] = [];
    // No certificate: the handshake stops after the server has seen the name the client asked for.
    const tlsServer = createTlsServer({
      SNICallback: (name, answer) => {
        serverNames.push(name);
        answer(new Error('no certificate'), undefined);
      },
    });
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    const { port } = tlsServer.address() as AddressInfo;

    // Act
    const response = await new HttpWebhookSender({ timeoutMs: 1_000 })
      .send(request(new URL(`https://hooks.example.invalid:${port}/hooks`), { addresses: ['127.0.0.1'] }))
      .finally(() => tlsServer.close());

    // Assess
    expect(serverNames).toEqual(['hooks.example.invalid']);
    expect(response).toEqual({ durationMs: expect.any(Number), error: expect.any(String) });
  });

  it('never uses what DNS says now: a host that resolves to the receiver is not reached through another checked address', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(204));

    // Act
    const response = await new HttpWebhookSender({ timeoutMs: 500 }).send(request(receiver.url('/hooks', 'localhost'), { addresses: ['127.0.0.2'] }));

    // Assess
    expect(response.statusCode).toBeUndefined();
    expect(response.error).toEqual(expect.any(String));
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses a URL whose IP is not one of the checked addresses, without connecting', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(204));

    // Act
    const response = await new HttpWebhookSender().send(request(receiver.url(), { addresses: ['10.0.0.1'] }));

    // Assess
    expect(response).toEqual({ durationMs: expect.any(Number), error: 'the address in the URL is not one of the checked addresses' });
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses to send when no checked address was given', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(204));

    // Act
    const response = await new HttpWebhookSender().send(request(receiver.url('/hooks', 'example.invalid'), { addresses: [] }));

    // Assess
    expect(response.error).toBe('no checked address to connect to');
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses a protocol other than http and https', async () => {
    // Act
    const response = await new HttpWebhookSender().send(request(new URL('ftp://127.0.0.1/hooks')));

    // Assess
    expect(response.error).toBe('unsupported protocol ftp:');
  });

  it('returns a refused connection as an error instead of throwing', async () => {
    // Prepare
    receiver = await WebhookReceiver.start();
    const closedPortUrl = receiver.url();
    await receiver.close();
    receiver = undefined;

    // Act
    const response = await new HttpWebhookSender().send(request(closedPortUrl));

    // Assess
    expect(response).toEqual({ durationMs: expect.any(Number), error: expect.stringContaining('ECONNREFUSED') });
  });

  it('leaves the headers and body out of the error text', async () => {
    // Prepare
    receiver = await WebhookReceiver.start();
    const closedPortUrl = receiver.url('/hooks?token=s3cr3t');
    await receiver.close();
    receiver = undefined;

    // Act
    const response = await new HttpWebhookSender().send(request(closedPortUrl, { headers: { 'webhook-signature': 'v1,c2VjcmV0' } }));

    // Assess
    expect(response.error).not.toMatch(/s3cr3t|c2VjcmV0|ORD-1/);
  });
});
