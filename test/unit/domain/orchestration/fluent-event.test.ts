import { validate } from '../../../../shared/domain/validation';
import { fluentEventAnswer, fluentEventInputSchema } from '../../../../shared/domain/orchestration/fluent-event';

const fluentEvent = (fields: Record<string, unknown> = {}) => ({ name: 'CancelOrder', retailerId: '1', entityType: 'ORDER', entityRef: 'ON-1', ...fields });

describe("Fluent's Event API body", () => {
  it('becomes an Ordo event without the fields Ordo ignores', () => {
    // Act
    const event = validate(fluentEventInputSchema, fluentEvent({ accountId: 'ACME', source: 'ERP', type: 'NORMAL', entityId: 12, rootEntityId: '12', meta: {} }));

    // Assess
    expect(event).toEqual({ name: 'CancelOrder', retailerId: '1', entityType: 'ORDER', entityRef: 'ON-1' });
  });

  it('reads a numeric retailerId as its digits', () => {
    // Act
    const event = validate(fluentEventInputSchema, fluentEvent({ retailerId: 197 }));

    // Assess
    expect(event.retailerId).toBe('197');
  });

  it('keeps attributes sent as an object as they are', () => {
    // Act
    const event = validate(fluentEventInputSchema, fluentEvent({ attributes: { cancelReason: 'Stolen Credit Card' } }));

    // Assess
    expect(event.attributes).toEqual({ cancelReason: 'Stolen Credit Card' });
  });

  it('makes an attribute list an object by name, whatever each entry’s type says', () => {
    // Act
    const event = validate(
      fluentEventInputSchema,
      fluentEvent({ attributes: [{ name: 'reason', type: 'STRING', value: 'late' }, { name: 'lines', type: 'OBJECT', value: [{ ref: 'L1' }] }] }),
    );

    // Assess
    expect(event.attributes).toEqual({ reason: 'late', lines: [{ ref: 'L1' }] });
  });

  it('refuses a negative retailer number, naming retailerId', () => {
    // Act
    const act = () => validate(fluentEventInputSchema, fluentEvent({ retailerId: -1 }));

    // Assess
    expect(act).toThrow(expect.objectContaining({ field: 'retailerId' }));
  });
});

describe("an event's result in Fluent's shape", () => {
  it.each([
    ['SUCCESS', 'COMPLETE'],
    ['NO_MATCH', 'NO_MATCH'],
    ['FAILED', 'FAILED'],
    ['PENDING', 'PENDING'],
    ['DUPLICATE', 'DUPLICATE'],
  ] as const)('calls %s %s, with the entity ref for its id', (status, eventStatus) => {
    // Act
    const answer = fluentEventAnswer({ entityRef: 'ON-1' }, { eventId: 'e1', status });

    // Assess
    expect(answer).toEqual({ eventId: 'e1', entityId: 'ON-1', entityRef: 'ON-1', eventStatus });
  });
});
