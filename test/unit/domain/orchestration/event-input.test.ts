import { ForbiddenError } from '../../../../shared/domain/domain-errors';
import { eventInputSchema, toOrdoEvent, type EventInput } from '../../../../shared/domain/orchestration/event-input';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const input = (overrides: Partial<EventInput> = {}): EventInput => ({
  name: 'CREATE',
  retailerId: 'R1',
  entityType: 'ORDER',
  entityRef: 'O-1',
  ...overrides,
});

describe('toOrdoEvent', () => {
  it('assigns a UUID as the id of an event that has none', () => {
    // Act
    const event = toOrdoEvent(input(), 'API');

    // Assess
    expect(event.id).toMatch(UUID);
  });

  it('assigns a different id to each event that has none', () => {
    // Act
    const first = toOrdoEvent(input(), 'API');
    const second = toOrdoEvent(input(), 'API');

    // Assess
    expect(first.id).not.toBe(second.id);
  });

  it('keeps the id the event gives', () => {
    // Act
    const event = toOrdoEvent(input({ id: 'oms:order-42.create' }), 'API');

    // Assess
    expect(event.id).toBe('oms:order-42.create');
  });

  it('keeps the fields of the input and marks the event with its source', () => {
    // Prepare
    const body = input({ entitySubtype: 'HD', attributes: { total: 12 }, scheduledOn: '2025-03-15T10:00:00+01:00' });

    // Act
    const event = toOrdoEvent(body, 'BUS');

    // Assess
    expect(event).toEqual({ ...body, id: expect.any(String), source: 'BUS' });
  });

  it('refuses with ForbiddenError an event of another retailer for a key scoped to a retailer', () => {
    // Act
    const convert = () => toOrdoEvent(input({ retailerId: 'R2' }), 'API', { retailerId: 'R1' });

    // Assess
    expect(convert).toThrow(ForbiddenError);
  });

  it("accepts an event of the key's own retailer for a key scoped to a retailer", () => {
    // Act
    const event = toOrdoEvent(input({ retailerId: 'R1' }), 'API', { retailerId: 'R1' });

    // Assess
    expect(event.retailerId).toBe('R1');
  });

  it('accepts an event of any retailer for a key scoped to no retailer', () => {
    // Act
    const event = toOrdoEvent(input({ retailerId: 'R2' }), 'API', {});

    // Assess
    expect(event.retailerId).toBe('R2');
  });
});

describe('eventInputSchema', () => {
  it('accepts an event with only a name, a retailer and an entity', () => {
    // Act
    const result = eventInputSchema.safeParse(input());

    // Assess
    expect(result.success).toBe(true);
  });

  it.each([
    ['a space and an exclamation mark', 'bad id!'],
    ['a slash', 'order/42'],
    ['no character at all', ''],
    ['101 characters', 'x'.repeat(101)],
  ])('rejects an id with %s, naming id', (_case, id) => {
    // Act
    const result = eventInputSchema.safeParse(input({ id }));

    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['id']]);
  });

  it('accepts an id of 100 characters of A-Z, a-z, 0-9 and ._:-', () => {
    // Prepare
    const id = 'Ab9._:-'.repeat(14).padEnd(100, 'z');

    // Act
    const result = eventInputSchema.safeParse(input({ id }));

    // Assess
    expect(result.success).toBe(true);
  });

  it('rejects an unknown field, naming it', () => {
    // Act
    const result = eventInputSchema.safeParse({ ...input(), accountId: 'globex' });

    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['accountId'] })]);
  });

  it('rejects a hop count from the caller, naming hops, so no caller can restart a chain of relays lower', () => {
    // Act
    const result = eventInputSchema.safeParse({ ...input(), hops: -5 });

    // Assess
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['hops'] })]);
  });

  it('rejects a scheduledOn that is not an ISO date-time', () => {
    // Act
    const result = eventInputSchema.safeParse(input({ scheduledOn: 'tomorrow' }));

    // Assess
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['scheduledOn']]);
  });

  it('rejects a name of blanks only', () => {
    // Act
    const result = eventInputSchema.safeParse(input({ name: '   ' }));

    // Assess
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['name']]);
  });
});
