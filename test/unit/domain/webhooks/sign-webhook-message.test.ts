import { createHmac } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { signWebhookMessage } from '../../../../shared/domain/webhooks/sign-webhook-message';
import { createWebhookMessage } from '../../../../shared/domain/webhooks/webhook-message';
import { generateWebhookSecret } from '../../../../shared/domain/webhooks/webhook-secret';

const message = createWebhookMessage({ type: 'order.created', occurredOn: new Date('2025-01-01T10:00:00.000Z'), data: { orderRef: 'ORD-1' } });

/** Verification checks the timestamp against the real time, so attempts in these tests happen now. */
const now = (): Date => new Date();

describe('signWebhookMessage', () => {
  it('matches the example of the Standard Webhooks specification', () => {
    // Prepare
    const example = { id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', body: '{"test": 2432232314}' };

    // Act
    const headers = signWebhookMessage(example, ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], new Date(1614265330 * 1000));

    // Assess
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('signs "id.timestamp.body" with HMAC-SHA256 of the base64-decoded key', () => {
    // Prepare
    const secret = generateWebhookSecret();
    const at = new Date('2025-01-01T10:00:07.900Z');

    // Act
    const headers = signWebhookMessage(message, [secret], at);

    // Assess
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`${message.id}.1735725607.${message.body}`).digest('base64');
    expect(headers['webhook-timestamp']).toBe('1735725607');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
  });

  it('carries one v1 signature per secret, space-separated, during a rotation', () => {
    // Prepare
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];

    // Act
    const headers = signWebhookMessage(message, [current, previous], now());

    // Assess
    const signatures = headers['webhook-signature'].split(' ');
    expect(signatures).toHaveLength(2);
    expect(signatures.every((signature) => /^v1,[A-Za-z0-9+/]{43}=$/.test(signature))).toBe(true);
  });

  it('is accepted by a receiver that verifies with either of the two secrets', () => {
    // Prepare
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];

    // Act
    const headers = signWebhookMessage(message, [current, previous], now());

    // Assess
    expect(new Webhook(current).verify(message.body, { ...headers })).toEqual(JSON.parse(message.body));
    expect(new Webhook(previous).verify(message.body, { ...headers })).toEqual(JSON.parse(message.body));
  });

  it('is refused by a receiver that holds another secret', () => {
    // Prepare
    const headers = signWebhookMessage(message, [generateWebhookSecret()], now());

    // Act
    const verify = (): unknown => new Webhook(generateWebhookSecret()).verify(message.body, { ...headers });

    // Assess
    expect(verify).toThrow(WebhookVerificationError);
  });

  it('signs twice with a secret given twice only once', () => {
    // Prepare
    const secret = generateWebhookSecret();

    // Act
    const headers = signWebhookMessage(message, [secret, secret], now());

    // Assess
    expect(headers['webhook-signature'].split(' ')).toHaveLength(1);
  });

  it('refuses to sign without a secret', () => {
    // Act
    const sign = (): unknown => signWebhookMessage(message, [], now());

    // Assess
    expect(sign).toThrow(/at least one secret/);
  });
});
