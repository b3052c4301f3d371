import { validate } from '../../../../shared/domain/validation';
import { fluentEventAnswer, fluentEventInputSchema } from '../../../../shared/domain/orchestration/fluent-event';
import { readJsonBody } from '../../../../shared/http/request-body';
import { apiGatewayEvent } from '../../../support/lambda';

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

  it('refuses an attribute whose value nests deeper than Ordo stores, naming the field as the event stores it', () => {
    // Prepare
    let value: unknown = 'bottom';
    for (let level = 0; level < 40; level += 1) value = { a: value };
    const body = JSON.stringify(fluentEvent({ attributes: [{ name: 'note', type: 'OBJECT', value }] }));

    // Act
    const read = () => readJsonBody(apiGatewayEvent({ method: 'POST', body }), fluentEventInputSchema, 64 * 1024);

    // Assess
    expect(read).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: `attributes.note${'.a'.repeat(15)}` }));
  });

  it('refuses a listed attribute holding a whole number past 2^53 - 1, naming the field as the event stores it', () => {
    // Prepare
    const body = '{"name":"CREATE","retailerId":"1","entityType":"ORDER","entityRef":"ON-1","attributes":[{"name":"channel","type":"STRING","value":9007199254740992}]}';

    // Act
    const read = () => readJsonBody(apiGatewayEvent({ method: 'POST', body }), fluentEventInputSchema, 64 * 1024);

    // Assess
    expect(read).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'attributes.channel' }));
  });

  it.each([
    ['an id of characters Ordo refuses', { id: 'has space' }, 'id'],
    ['an empty event name', { name: '  ' }, 'name'],
    ['a scheduledOn that is no time', { scheduledOn: 'tomorrow' }, 'scheduledOn'],
    ['a retailer id of characters Ordo refuses', { retailerId: 'retailer 1' }, 'retailerId'],
  ])('refuses %s as POST /v1/events does, naming %s', (_what, fields, field) => {
    // Act
    const act = () => validate(fluentEventInputSchema, fluentEvent(fields));

    // Assess
    expect(act).toThrow(expect.objectContaining({ field }));
  });

  it('names a missing field Ordo requires', () => {
    // Act
    const act = () => validate(fluentEventInputSchema, { name: 'CancelOrder', retailerId: '1', entityType: 'ORDER' });

    // Assess
    expect(act).toThrow(expect.objectContaining({ field: 'entityRef', message: 'entityRef is required' }));
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
