import { attemptDelivery, type DeliveryAttemptInput } from '../../../../shared/domain/webhooks/attempt-delivery';
import { retrySchedule } from '../../../../shared/domain/webhooks/retry-schedule';
import { createWebhookMessage } from '../../../../shared/domain/webhooks/webhook-message';
import { generateWebhookSecret } from '../../../../shared/domain/webhooks/webhook-secret';
import type { WebhookSender } from '../../../../shared/ports/webhook-sender';
import { ManualClock } from '../../../support/clock';
import { RecordingWebhookSender } from '../../../support/webhook-sender';

const NOW = '2025-01-01T10:00:00.000Z';
const message = createWebhookMessage({ type: 'order.created', occurredOn: new Date('2025-01-01T09:59:58.000Z'), data: { orderRef: 'ORD-1' } });
const secret = generateWebhookSecret();
const input = (overrides: Partial<DeliveryAttemptInput> = {}): DeliveryAttemptInput => ({
  message,
  target: { url: new URL('https://hooks.example.com/ordo'), addresses: ['93.184.215.14'] },
  secrets: [secret],
  attemptsMade: 0,
  ...overrides,
});
const schedule = retrySchedule([5, 300]);

describe('attemptDelivery', () => {
  it('sends the message body, signed, to the checked addresses of the endpoint', async () => {
    // Prepare
    const sender = new RecordingWebhookSender({ statusCode: 204, durationMs: 30 });

    // Act
    await attemptDelivery(input(), { sender, clock: new ManualClock(NOW), schedule });

    // Assess
    expect(sender.requests).toEqual([
      {
        url: new URL('https://hooks.example.com/ordo'),
        addresses: ['93.184.215.14'],
        body: message.body,
        headers: { 'webhook-id': message.id, 'webhook-timestamp': String(Date.parse(NOW) / 1000), 'webhook-signature': expect.stringMatching(/^v1,/) },
      },
    ]);
  });

  it('delivers the message on a 2xx and records the attempt', async () => {
    // Prepare
    const sender = new RecordingWebhookSender({ statusCode: 204, durationMs: 30 });

    // Act
    const result = await attemptDelivery(input(), { sender, clock: new ManualClock(NOW), schedule });

    // Assess
    expect(result).toEqual({ attempt: { at: NOW, statusCode: 204, durationMs: 30 }, outcome: { status: 'DELIVERED' } });
  });

  it('schedules a retry after a status that is not 2xx', async () => {
    // Prepare
    const sender = new RecordingWebhookSender({ statusCode: 503, durationMs: 40 });

    // Act
    const result = await attemptDelivery(input(), { sender, clock: new ManualClock(NOW), schedule });

    // Assess
    expect(result).toEqual({ attempt: { at: NOW, statusCode: 503, durationMs: 40 }, outcome: { status: 'RETRY', nextAttemptOn: '2025-01-01T10:00:05.000Z' } });
  });

  it('schedules a retry after a redirect, which is not followed', async () => {
    // Prepare
    const sender = new RecordingWebhookSender({ statusCode: 302, durationMs: 10 });

    // Act
    const { outcome } = await attemptDelivery(input(), { sender, clock: new ManualClock(NOW), schedule });

    // Assess
    expect(outcome.status).toBe('RETRY');
  });

  it('records the error and schedules a retry when no response came', async () => {
    // Prepare
    const sender = new RecordingWebhookSender({ durationMs: 10_000, error: 'no response within 10000 ms' });

    // Act
    const result = await attemptDelivery(input(), { sender, clock: new ManualClock(NOW), schedule });

    // Assess
    expect(result.attempt).toEqual({ at: NOW, durationMs: 10_000, error: 'no response within 10000 ms' });
    expect(result.outcome.status).toBe('RETRY');
  });

  it('waits the delay of the attempt it is at', async () => {
    // Prepare
    const sender = new RecordingWebhookSender({ statusCode: 500, durationMs: 40 });

    // Act
    const { outcome } = await attemptDelivery(input({ attemptsMade: 1 }), { sender, clock: new ManualClock(NOW), schedule });

    // Assess
    expect(outcome).toEqual({ status: 'RETRY', nextAttemptOn: '2025-01-01T10:05:00.000Z' });
  });

  it('counts the delay from the end of a slow attempt', async () => {
    // Prepare
    const clock = new ManualClock(NOW);
    const sender: WebhookSender = {
      send: async () => {
        clock.advance(9_000);
        return { statusCode: 500, durationMs: 9_000 };
      },
    };

    // Act
    const result = await attemptDelivery(input(), { sender, clock, schedule });

    // Assess
    expect(result).toEqual({ attempt: { at: NOW, statusCode: 500, durationMs: 9_000 }, outcome: { status: 'RETRY', nextAttemptOn: '2025-01-01T10:00:14.000Z' } });
  });

  it('fails the message when the last attempt of the schedule fails', async () => {
    // Prepare
    const sender = new RecordingWebhookSender({ statusCode: 500, durationMs: 40 });

    // Act
    const { outcome } = await attemptDelivery(input({ attemptsMade: 2 }), { sender, clock: new ManualClock(NOW), schedule });

    // Assess
    expect(outcome).toEqual({ status: 'FAILED' });
  });

  it('still delivers on the last attempt of the schedule', async () => {
    // Prepare
    const sender = new RecordingWebhookSender({ statusCode: 200, durationMs: 40 });

    // Act
    const { outcome } = await attemptDelivery(input({ attemptsMade: 2 }), { sender, clock: new ManualClock(NOW), schedule });

    // Assess
    expect(outcome).toEqual({ status: 'DELIVERED' });
  });

  it('signs a retry for the time of the retry, with the same webhook-id and body', async () => {
    // Prepare
    const clock = new ManualClock(NOW);
    const sender = new RecordingWebhookSender({ statusCode: 500, durationMs: 40 }, { statusCode: 200, durationMs: 40 });
    await attemptDelivery(input(), { sender, clock, schedule });
    clock.advance(5_000);

    // Act
    await attemptDelivery(input({ attemptsMade: 1 }), { sender, clock, schedule });

    // Assess
    const [first, retry] = sender.requests;
    expect(retry.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(retry.body).toBe(first.body);
    expect(Number(retry.headers['webhook-timestamp']) - Number(first.headers['webhook-timestamp'])).toBe(5);
  });
});
