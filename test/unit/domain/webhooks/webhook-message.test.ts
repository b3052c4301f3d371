import { ValidationError } from '../../../../shared/domain/domain-errors';
import { createWebhookMessage, isWebhookMessageId } from '../../../../shared/domain/webhooks/webhook-message';

const OCCURRED = new Date('2025-01-01T10:00:00.123Z');
const input = { type: 'order.created', occurredOn: OCCURRED, data: { orderRef: 'ORD-1', lines: [{ skuRef: 'SKU-1', quantity: 2 }] } };

describe('createWebhookMessage', () => {
  it('gives the message a msg_ id', () => {
    // Act
    const message = createWebhookMessage(input);

    // Assess
    expect(isWebhookMessageId(message.id)).toBe(true);
  });

  it('gives each message its own id', () => {
    // Act
    const ids = new Set([createWebhookMessage(input).id, createWebhookMessage(input).id]);

    // Assess
    expect(ids.size).toBe(2);
  });

  it('keeps an id it is given, so a message made again from the same event has the same id', () => {
    // Act
    const message = createWebhookMessage(input, 'msg_evt-42');

    // Assess
    expect(message.id).toBe('msg_evt-42');
  });

  it('serializes the body as type, timestamp and data, with the ISO time of the event', () => {
    // Act
    const message = createWebhookMessage(input);

    // Assess
    expect(JSON.parse(message.body)).toEqual({ type: 'order.created', timestamp: '2025-01-01T10:00:00.123Z', data: input.data });
    expect(Object.keys(JSON.parse(message.body))).toEqual(['type', 'timestamp', 'data']);
  });

  it('holds the data as the body sends it', () => {
    // Act
    const message = createWebhookMessage({ ...input, data: { at: OCCURRED, skipped: undefined } });

    // Assess
    expect(message.data).toEqual({ at: '2025-01-01T10:00:00.123Z' });
    expect(message.timestamp).toBe('2025-01-01T10:00:00.123Z');
  });

  it.each([
    ['type', { ...input, type: '' }],
    ['type', { ...input, type: 'order created' }],
    ['type', { ...input, type: 'order..created' }],
    ['occurredOn', { ...input, occurredOn: new Date('not a date') }],
    ['data', { ...input, data: undefined }],
  ])('refuses a bad %s with a ValidationError naming it', (field, bad) => {
    // Act
    const create = (): unknown => createWebhookMessage(bad);

    // Assess
    expect(create).toThrow(ValidationError);
    expect(create).toThrow(expect.objectContaining({ field }));
  });

  it('refuses an id that is not msg_ and a token', () => {
    // Act
    const create = (): unknown => createWebhookMessage(input, 'evt_1');

    // Assess
    expect(create).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'id' }));
  });
});
