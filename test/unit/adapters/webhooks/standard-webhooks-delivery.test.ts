import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { HttpWebhookSender } from '../../../../shared/adapters/webhooks/http-webhook-sender';
import { attemptDelivery, type DeliveryAttemptDependencies } from '../../../../shared/domain/webhooks/attempt-delivery';
import { parseRetrySchedule } from '../../../../shared/domain/webhooks/retry-schedule';
import { createWebhookMessage } from '../../../../shared/domain/webhooks/webhook-message';
import { generateWebhookSecret, signingSecrets } from '../../../../shared/domain/webhooks/webhook-secret';
import { ManualClock } from '../../../support/clock';
import { WebhookReceiver, answerWith, verifiableHeaders } from '../../../support/webhook-receiver';

/** Receivers refuse timestamps more than 5 minutes from their own clock, so these attempts happen now. */
const dependencies = (clock = new ManualClock(new Date())): DeliveryAttemptDependencies => ({
  sender: new HttpWebhookSender(),
  clock,
  schedule: parseRetrySchedule(undefined),
});

const message = createWebhookMessage({ type: 'order.allocated', occurredOn: new Date(), data: { orderRef: 'ORD-7', lines: [{ skuRef: 'SKU-1', quantity: 3 }] } });

describe('a webhook delivered over HTTP, checked by an integrator with the standardwebhooks library', () => {
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it('verifies with the subscription secret and gives back the type, timestamp and data', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(200));
    const secret = generateWebhookSecret();

    // Act
    const { outcome } = await attemptDelivery(
      { message, target: { url: receiver.url(), addresses: ['127.0.0.1'] }, secrets: [secret], attemptsMade: 0 },
      dependencies(),
    );

    // Assess
    const [received] = receiver.received;
    expect(outcome).toEqual({ status: 'DELIVERED' });
    expect(new Webhook(secret).verify(received.body, verifiableHeaders(received))).toEqual({
      type: 'order.allocated',
      timestamp: message.timestamp,
      data: { orderRef: 'ORD-7', lines: [{ skuRef: 'SKU-1', quantity: 3 }] },
    });
  });

  it('verifies with the previous secret as well as the new one during a rotation', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(200));
    const clock = new ManualClock(new Date());
    const previous = generateWebhookSecret();
    const current = generateWebhookSecret();
    const secrets = signingSecrets({ current, previous: { secret: previous, rotatedOn: new Date(clock.now().getTime() - 60 * 60 * 1000) } }, clock.now());

    // Act
    await attemptDelivery({ message, target: { url: receiver.url(), addresses: ['127.0.0.1'] }, secrets, attemptsMade: 0 }, dependencies(clock));

    // Assess
    const [received] = receiver.received;
    expect(new Webhook(previous).verify(received.body, verifiableHeaders(received))).toEqual(JSON.parse(message.body));
    expect(new Webhook(current).verify(received.body, verifiableHeaders(received))).toEqual(JSON.parse(message.body));
  });

  it('is refused by a receiver holding another secret', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(200));

    // Act
    await attemptDelivery(
      { message, target: { url: receiver.url(), addresses: ['127.0.0.1'] }, secrets: [generateWebhookSecret()], attemptsMade: 0 },
      dependencies(),
    );

    // Assess
    const [received] = receiver.received;
    expect(() => new Webhook(generateWebhookSecret()).verify(received.body, verifiableHeaders(received))).toThrow(WebhookVerificationError);
  });

  it('schedules a retry 5 seconds after a 500, on the default schedule', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(500));
    const clock = new ManualClock(new Date());
    const startedAt = clock.now();

    // Act
    const result = await attemptDelivery(
      { message, target: { url: receiver.url(), addresses: ['127.0.0.1'] }, secrets: [generateWebhookSecret()], attemptsMade: 0 },
      dependencies(clock),
    );

    // Assess
    expect(result).toEqual({
      attempt: { at: startedAt.toISOString(), statusCode: 500, durationMs: expect.any(Number) },
      outcome: { status: 'RETRY', nextAttemptOn: new Date(startedAt.getTime() + 5_000).toISOString() },
    });
  });

  it('sends a retry with the same webhook-id and body, and a signature that still verifies', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(500), answerWith(204));
    const clock = new ManualClock(new Date(Date.now() - 5_000));
    const secret = generateWebhookSecret();
    const target = { url: receiver.url(), addresses: ['127.0.0.1'] };
    await attemptDelivery({ message, target, secrets: [secret], attemptsMade: 0 }, dependencies(clock));
    clock.advance(5_000);

    // Act
    const { outcome } = await attemptDelivery({ message, target, secrets: [secret], attemptsMade: 1 }, dependencies(clock));

    // Assess
    const [first, retry] = receiver.received;
    expect(outcome).toEqual({ status: 'DELIVERED' });
    expect(retry.headers['webhook-id']).toBe(message.id);
    expect(first.headers['webhook-id']).toBe(message.id);
    expect(retry.body).toBe(first.body);
    expect(() => new Webhook(secret).verify(retry.body, verifiableHeaders(retry))).not.toThrow();
  });

  it('records a 302 as a failed attempt and does not follow it', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(302, { location: '/moved' }));

    // Act
    const result = await attemptDelivery(
      { message, target: { url: receiver.url('/hooks'), addresses: ['127.0.0.1'] }, secrets: [generateWebhookSecret()], attemptsMade: 0 },
      dependencies(),
    );

    // Assess
    expect(result.attempt.statusCode).toBe(302);
    expect(result.outcome.status).toBe('RETRY');
    expect(receiver.received.map(({ path }) => path)).toEqual(['/hooks']);
  });

  it('reaches the checked address when the URL names a host that resolves nowhere', async () => {
    // Prepare
    receiver = await WebhookReceiver.start(answerWith(200));
    const secret = generateWebhookSecret();

    // Act
    const { outcome } = await attemptDelivery(
      { message, target: { url: receiver.url('/hooks', 'example.invalid'), addresses: ['127.0.0.1'] }, secrets: [secret], attemptsMade: 0 },
      dependencies(),
    );

    // Assess
    const [received] = receiver.received;
    expect(outcome).toEqual({ status: 'DELIVERED' });
    expect(() => new Webhook(secret).verify(received.body, verifiableHeaders(received))).not.toThrow();
  });
});
