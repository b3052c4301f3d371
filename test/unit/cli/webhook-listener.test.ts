import { Webhook } from 'standardwebhooks';
import { startWebhookListener, type WebhookListener } from '../../../scripts/cli/webhook-listener';
import { signWebhookMessage } from '../../../shared/domain/webhooks/sign-webhook-message';
import { generateWebhookSecret } from '../../../shared/domain/webhooks/webhook-secret';
import { captureIo } from './cli-test-support';

const SECRET = generateWebhookSecret();
const MESSAGE = JSON.stringify({ type: 'order.created', timestamp: '2025-03-14T09:26:53.000Z', data: { orderRef: 'HD-1', status: 'CREATED' } });

/** A message signed as Ordo signs it, with `standardwebhooks`' own `sign`. */
const signedHeaders = (body: string, secret = SECRET, messageId = 'msg_Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFi') => {
  const at = new Date();
  return {
    'content-type': 'application/json',
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, at, body),
  };
};

describe('the webhook listener of `ordo webhooks listen`', () => {
  let listener: WebhookListener;
  let output: { stdout: string };

  const post = (body: string, headers: Record<string, string>, path = '/hooks') =>
    fetch(`${listener.url}${path}`, { method: 'POST', headers, body });

  const start = async (secret?: string) => {
    const captured = captureIo();
    output = captured.output;
    listener = await startWebhookListener({ port: 0, secret, out: captured.io.stdout });
  };

  afterEach(() => listener.close());

  it('answers 204 to a message signed with its secret, and prints its type, webhook-id, verified yes and its data', async () => {
    // Prepare
    await start(SECRET);

    // Act
    const response = await post(MESSAGE, signedHeaders(MESSAGE));

    // Assess
    expect(response.status).toBe(204);
    expect(output.stdout).toBe(
      [
        '--- POST /hooks answered 204',
        'type        order.created',
        'webhook-id  msg_Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFi',
        'verified    yes',
        'data        {',
        '              "orderRef": "HD-1",',
        '              "status": "CREATED"',
        '            }',
        '',
        '',
      ].join('\n'),
    );
  });

  it('answers 401 to a message whose body was changed after signing, and prints it as not verified', async () => {
    // Prepare
    await start(SECRET);
    const headers = signedHeaders(MESSAGE);

    // Act
    const response = await post(MESSAGE.replace('HD-1', 'HD-2'), headers);

    // Assess
    expect(response.status).toBe(401);
    expect(output.stdout).toContain('verified    no (No matching signature found)\n');
  });

  it('answers 401 to a message signed with another secret', async () => {
    // Prepare
    await start(SECRET);

    // Act
    const response = await post(MESSAGE, signedHeaders(MESSAGE, generateWebhookSecret()));

    // Assess
    expect(response.status).toBe(401);
  });

  it('accepts a message Ordo signed with a new and an old secret during a rotation, when it holds the old one', async () => {
    // Prepare
    await start(SECRET);
    const headers = signWebhookMessage({ id: 'msg_cm90YXRpb24tZ3JhY2UtMDAwMDAwMDAw', body: MESSAGE }, [generateWebhookSecret(), SECRET], new Date());

    // Act
    const response = await post(MESSAGE, { 'content-type': 'application/json', ...headers });

    // Assess
    expect(response.status).toBe(204);
  });

  it('answers 401 to a message without the Standard Webhooks headers', async () => {
    // Prepare
    await start(SECRET);

    // Act
    const response = await post(MESSAGE, { 'content-type': 'application/json' });

    // Assess
    expect(response.status).toBe(401);
    expect(output.stdout).toContain('verified    no (Missing required headers)\n');
  });

  it('without a secret, answers 204 and prints the message as not verified', async () => {
    // Prepare
    await start();

    // Act
    const response = await post(MESSAGE, signedHeaders(MESSAGE));

    // Assess
    expect(response.status).toBe(204);
    expect(output.stdout).toContain('type        order.created\n');
    expect(output.stdout).toContain('verified    no (no --secret given)\n');
  });

  it('prints one block per message, in the order they arrive', async () => {
    // Prepare
    await start(SECRET);
    const second = MESSAGE.replace('order.created', 'order.status_changed');

    // Act
    await post(MESSAGE, signedHeaders(MESSAGE));
    await post(second, signedHeaders(second));

    // Assess
    expect(output.stdout.match(/^type {8}.*$/gm)).toEqual(['type        order.created', 'type        order.status_changed']);
  });

  it('answers 400 to a correctly signed body that is not JSON', async () => {
    // Prepare
    await start(SECRET);

    // Act
    const response = await post('not json', signedHeaders('not json'));

    // Assess
    expect(response.status).toBe(400);
    expect(output.stdout).toContain('data        not json\n');
  });

  it('answers 405 to anything but a POST', async () => {
    // Prepare
    await start(SECRET);

    // Act
    const response = await fetch(`${listener.url}/hooks`);

    // Assess
    expect(response.status).toBe(405);
  });
});
