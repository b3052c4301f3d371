import * as z from 'zod';
import { PayloadTooLargeError, ValidationError } from '../../../shared/domain/domain-errors';
import { readJsonBody, validate } from '../../../shared/http/request-body';
import { apiGatewayEvent } from '../../support/lambda';

const orderSchema = z.strictObject({
  orderRef: z.string(),
  lines: z.array(z.strictObject({ sku: z.string(), qty: z.number().int().positive() })),
  note: z.string().optional(),
});

const validOrder = { orderRef: 'PO-1', lines: [{ sku: 'SKU-1', qty: 2 }] };

/** The ValidationError that a call throws, to look at more than one of its properties. */
const validationErrorOf = (run: () => unknown): ValidationError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
};

describe('validate', () => {
  it('returns the parsed value when it fits the schema', () => {
    // Act
    const order = validate(orderSchema, validOrder);

    // Assess
    expect(order).toEqual(validOrder);
  });

  it('reports a missing field as "<field> is required", naming it', () => {
    // Act
    const error = validationErrorOf(() => validate(orderSchema, { lines: [] }));

    // Assess
    expect(error.field).toBe('orderRef');
    expect(error.message).toBe('orderRef is required');
  });

  it('reports a field inside an array item by its path, as lines[0].qty', () => {
    // Act
    const error = validationErrorOf(() => validate(orderSchema, { orderRef: 'PO-1', lines: [{ sku: 'SKU-1', qty: 'two' }] }));

    // Assess
    expect(error.field).toBe('lines[0].qty');
    expect(error.message).toMatch(/^lines\[0\]\.qty: /);
  });

  it('reports a missing field inside a later array item as required, with its index', () => {
    // Act
    const error = validationErrorOf(() =>
      validate(orderSchema, { orderRef: 'PO-1', lines: [{ sku: 'SKU-1', qty: 1 }, { qty: 1 }] }),
    );

    // Assess
    expect(error.field).toBe('lines[1].sku');
    expect(error.message).toBe('lines[1].sku is required');
  });

  it('reports an unknown top-level key by its name', () => {
    // Act
    const error = validationErrorOf(() => validate(orderSchema, { ...validOrder, priority: 'high' }));

    // Assess
    expect(error.field).toBe('priority');
    expect(error.message).toBe('priority is not a known field');
  });

  it('names an unknown empty key "" rather than leaving the field blank', () => {
    // Act
    const error = validationErrorOf(() => validate(orderSchema, { ...validOrder, '': '' }));

    // Assess
    expect(error.field).toBe('""');
    expect(error.message).toBe('"" is not a known field');
  });

  it('reports an unknown key inside an array item by its full path', () => {
    // Act
    const error = validationErrorOf(() =>
      validate(orderSchema, { orderRef: 'PO-1', lines: [{ sku: 'SKU-1', qty: 1, colour: 'red' }] }),
    );

    // Assess
    expect(error.field).toBe('lines[0].colour');
  });

  it('lists every offending field in the details and joins their messages', () => {
    // Act
    const error = validationErrorOf(() => validate(orderSchema, { lines: [{ sku: 'SKU-1', qty: 0 }] }));

    // Assess
    expect(error.details.map((detail) => detail.field)).toEqual(['orderRef', 'lines[0].qty']);
    expect(error.message).toBe(error.details.map((detail) => detail.message).join('; '));
    expect(error.field).toBe('orderRef');
  });

  it('names the body itself when the value is not an object at all', () => {
    // Act
    const error = validationErrorOf(() => validate(orderSchema, ['PO-1']));

    // Assess
    expect(error.field).toBe('body');
  });
});

describe('readJsonBody', () => {
  it('parses and validates a JSON body', () => {
    // Prepare
    const event = apiGatewayEvent({ method: 'POST', body: validOrder });

    // Act
    const order = readJsonBody(event, orderSchema, 1024);

    // Assess
    expect(order).toEqual(validOrder);
  });

  it('decodes a base64-encoded body before parsing it', () => {
    // Prepare
    const event = {
      ...apiGatewayEvent({ method: 'POST' }),
      body: Buffer.from(JSON.stringify(validOrder)).toString('base64'),
      isBase64Encoded: true,
    };

    // Act
    const order = readJsonBody(event, orderSchema, 1024);

    // Assess
    expect(order).toEqual(validOrder);
  });

  it('reports invalid JSON as a ValidationError on the field body', () => {
    // Prepare
    const event = apiGatewayEvent({ method: 'POST', body: '{"orderRef": "PO-1",' });

    // Act
    const error = validationErrorOf(() => readJsonBody(event, orderSchema, 1024));

    // Assess
    expect(error.field).toBe('body');
  });

  it.each([
    ['no body', undefined],
    ['an empty body', ''],
    ['a body of whitespace', ' \n\t '],
  ])('reports %s as a ValidationError on the field body', (_label, body) => {
    // Prepare
    const event = apiGatewayEvent({ method: 'POST', body });

    // Act
    const error = validationErrorOf(() => readJsonBody(event, orderSchema, 1024));

    // Assess
    expect(error.field).toBe('body');
  });

  it('refuses a body over the limit with PayloadTooLargeError', () => {
    // Prepare
    const event = apiGatewayEvent({ method: 'POST', body: { ...validOrder, note: 'x'.repeat(200) } });

    // Act
    const attempt = () => readJsonBody(event, orderSchema, 100);

    // Assess
    expect(attempt).toThrow(PayloadTooLargeError);
  });

  it('accepts a body of exactly the limit', () => {
    // Prepare
    const body = JSON.stringify(validOrder);
    const event = apiGatewayEvent({ method: 'POST', body });

    // Act
    const order = readJsonBody(event, orderSchema, Buffer.byteLength(body));

    // Assess
    expect(order).toEqual(validOrder);
  });

  it('counts the limit in bytes, not characters', () => {
    // Prepare
    const body = JSON.stringify({ ...validOrder, note: 'é'.repeat(30) });
    const event = apiGatewayEvent({ method: 'POST', body });

    // Act
    const attempt = () => readJsonBody(event, orderSchema, body.length);

    // Assess
    expect(attempt).toThrow(PayloadTooLargeError);
  });

  it('refuses an oversized body before trying to parse it', () => {
    // Prepare
    const event = apiGatewayEvent({ method: 'POST', body: `{${'x'.repeat(500)}` });

    // Act
    const attempt = () => readJsonBody(event, orderSchema, 100);

    // Assess
    expect(attempt).toThrow(PayloadTooLargeError);
  });
});

describe('validate, edge cases', () => {
  it('reports a missing enum field as required rather than as a wrong option', () => {
    // Prepare
    const schema = z.strictObject({ role: z.enum(['ADMIN', 'READONLY']) });

    // Act
    const error = validationErrorOf(() => validate(schema, {}));

    // Assess
    expect(error.message).toBe('role is required');
    expect(error.field).toBe('role');
  });

  it('names every unknown field, not only the first', () => {
    // Act
    const error = validationErrorOf(() => validate(orderSchema, { ...validOrder, colour: 'red', size: 'L' }));

    // Assess
    expect(error.details.map((detail) => detail.field)).toEqual(['colour', 'size']);
  });
});

describe('readJsonBody and values DynamoDB cannot store', () => {
  const anything = z.looseObject({});

  it.each([
    ['a denormal number', '{"lat": -5e-324}', 'lat'],
    ['a number past 1e126', '{"lines": [{"qty": 1e200}]}', 'lines[0].qty'],
    ['a whole number past 2^53 - 1', '{"attributes": {"reason": -9007199254740992}}', 'attributes.reason'],
    ['a number past 2^53 - 1 with a fraction written', '{"attributes": {"reason": 1.5e20}}', 'attributes.reason'],
    ['a lone surrogate', '{"retailerId": "\\ud800"}', 'retailerId'],
    ['a lone surrogate in a field name', '{"attributes": {"\\udc00x": 1}}', 'attributes.\udc00x'],
    ['a field named __proto__', '{"attributes": [{"name": "channel", "value": {"__proto__": ""}}]}', 'attributes[0].value.__proto__'],
    ['a field named constructor', '{"attributes": {"constructor": []}}', 'attributes.constructor'],
  ])('refuses %s with a 400 naming the field', (_what, body, field) => {
    // Act
    const read = () => readJsonBody(apiGatewayEvent({ method: 'POST', body }), anything, 1024);

    // Assess
    expect(read).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field }));
  });

  it('refuses a value nested more than 16 levels down with a 400 naming its path', () => {
    // Prepare
    const body = JSON.stringify({ attributes: { note: [[[[[[[[[[[[[[['too deep']]]]]]]]]]]]]]] } });

    // Act
    const read = () => readJsonBody(apiGatewayEvent({ method: 'POST', body }), anything, 1024);

    // Assess
    expect(read).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'attributes.note[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]' }));
  });

  it('accepts a value nested 16 levels down', () => {
    // Prepare
    const body = JSON.stringify({ attributes: { note: [[[[[[[[[[[[[['deep enough']]]]]]]]]]]]]] } });

    // Act
    const read = readJsonBody(apiGatewayEvent({ method: 'POST', body }), anything, 1024);

    // Assess
    expect(read).toEqual(JSON.parse(body));
  });

  it('accepts zero, ordinary numbers, the largest safe integers and whole surrogate pairs', () => {
    // Act
    const body = readJsonBody(
      apiGatewayEvent({ method: 'POST', body: '{"a": 0, "b": -1.5, "c": 1e-100, "d": "\\ud83d\\ude00", "e": 9007199254740991, "f": -9007199254740991}' }),
      anything,
      1024,
    );

    // Assess
    expect(body).toEqual({ a: 0, b: -1.5, c: 1e-100, d: '😀', e: Number.MAX_SAFE_INTEGER, f: -Number.MAX_SAFE_INTEGER });
  });
});
