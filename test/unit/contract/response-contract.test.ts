import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { ContractViolationError, ResponseContract, type ObservedReply } from '../../../test/support/response-contract';
import { releasedContract } from './fixtures/contract-documents';

const contract = () => new ResponseContract(releasedContract());

const reply = (overrides: Partial<ObservedReply> & { body?: unknown }): ObservedReply => {
  const { body, ...rest } = overrides;
  return {
    method: 'GET',
    path: '/v1/orders/ORD-1',
    status: 200,
    contentType: 'application/json; charset=utf-8',
    text: JSON.stringify(body ?? { ref: 'ORD-1', status: 'BOOKED', createdOn: '2026-12-04T10:00:00.000Z' }),
    ...rest,
  };
};

const NOT_FOUND = { error: { code: 'NOT_FOUND', message: 'No order ORD-9.' }, requestId: 'req-1' };

describe('ResponseContract', () => {
  it('lets a reply that fits its operation through', () => {
    // Act
    const check = contract().check(reply({}));

    // Assess
    expect(check).toEqual({ operation: 'getOrder (GET /v1/orders/{ref})', problems: [] });
  });

  it('holds an error reply to the schema of its declared response, followed through its $ref', () => {
    // Act
    const check = contract().check(reply({ status: 404, body: NOT_FOUND }));

    // Assess
    expect(check.problems).toEqual([]);
  });

  it('names a field of the wrong type', () => {
    // Act
    const check = contract().check(reply({ body: { ref: 42, status: 'BOOKED' } }));

    // Assess
    expect(check.problems).toEqual([expect.stringContaining('/ref must be string')]);
  });

  it('names a missing required field', () => {
    // Act
    const check = contract().check(reply({ body: { ref: 'ORD-1' } }));

    // Assess
    expect(check.problems).toEqual([expect.stringContaining("must have required property 'status'")]);
  });

  it('names a value outside an enum and a malformed date-time', () => {
    // Act
    const check = contract().check(reply({ body: { ref: 'ORD-1', status: 'STUCK', createdOn: 'yesterday' } }));

    // Assess
    expect(check.problems).toEqual([expect.stringContaining('/status must be equal to one of the allowed values'), expect.stringContaining('/createdOn must match format "date-time"')]);
  });

  it('refuses a status the operation does not declare, listing those it does', () => {
    // Act
    const check = contract().check(reply({ status: 409, body: NOT_FOUND }));

    // Assess
    expect(check.problems).toEqual(['status 409 is not declared (declared: 200, 404)']);
  });

  it('holds a 500 on any route to the Error shape, as the contract documents for every route', () => {
    // Act
    const checks = [{ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong' }, requestId: 'r' }, { message: 'Internal server error' }].map((body) =>
      contract().check(reply({ status: 500, body })),
    );

    // Assess
    expect(checks.map((check) => check.problems.length)).toEqual([0, 2]);
  });

  it('refuses a problem body that breaks the Error shape', () => {
    // Act
    const check = contract().check(reply({ status: 404, body: { message: 'not here' } }));

    // Assess
    expect(check.problems).toEqual([expect.stringContaining("must have required property 'error'"), expect.stringContaining("must have required property 'requestId'")]);
  });

  it('refuses a content type the response does not declare', () => {
    // Act
    const check = contract().check(reply({ contentType: 'text/html', text: '<p>ok</p>' }));

    // Assess
    expect(check.problems).toEqual(['content type "text/html" is not declared (declared: application/json)']);
  });

  it("checks a declared header's value when the reply carries it", () => {
    // Prepare
    const busy = (retryAfter: string) =>
      reply({ method: 'POST', path: '/v1/orders', status: 503, body: NOT_FOUND, headers: { 'content-type': 'application/json', 'retry-after': retryAfter } });

    // Act
    const checks = ['5', 'soon', '0'].map((retryAfter) => contract().check(busy(retryAfter)).problems);

    // Assess
    expect(checks).toEqual([[], [expect.stringContaining('header Retry-After: soon must be integer')], [expect.stringContaining('header Retry-After: 0 must be >= 1')]]);
  });

  it('matches a path template with the query string left out', () => {
    // Act
    const check = contract().check(reply({ path: '/v1/orders/ORD-1?retailerId=r1', body: { ref: 'ORD-1' } }));

    // Assess
    expect(check).toEqual({ operation: 'getOrder (GET /v1/orders/{ref})', problems: [expect.stringContaining("'status'")] });
  });

  it('expects 404 in the Error shape from an undocumented path', () => {
    // Act
    const checks = [reply({ path: '/v1/nowhere', status: 404, body: NOT_FOUND }), reply({ path: '/v1/nowhere', status: 200 })].map((observed) =>
      contract().check(observed),
    );

    // Assess
    expect(checks.map((check) => check.problems)).toEqual([[], ['status 200 is not the documented 404']]);
  });

  it('expects 405 from a documented path called with another method', () => {
    // Act
    const check = contract().check(reply({ method: 'DELETE', status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED', message: 'no' }, requestId: 'r' } }));

    // Assess
    expect(check.problems).toEqual([]);
  });

  it('throws, naming the operation, the status and the problems, when asked to assert a violation', () => {
    // Act
    const asserting = () => contract().assertConforms(reply({ body: { ref: 'ORD-1' } }));

    // Assess
    expect(asserting).toThrow(ContractViolationError);
    expect(asserting).toThrow(/the 200 reply to GET \/v1\/orders\/ORD-1, operation getOrder \(GET \/v1\/orders\/\{ref\}\)[\s\S]*must have required property 'status'/);
  });
});

describe("ResponseContract on the project's openapi.yaml", () => {
  it('compiles the schema of every declared JSON response, so no e2e call meets a schema ajv cannot read', () => {
    // Prepare
    const onFile = ResponseContract.fromFile();
    const document = load(readFileSync(join(__dirname, '..', '..', '..', 'openapi.yaml'), 'utf8')) as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const replies = Object.entries(document.paths).flatMap(([template, item]) =>
      Object.entries(item).flatMap(([method, operation]) =>
        Object.keys(operation.responses ?? {})
          .filter((status) => /^\d+$/.test(status))
          .map((status) => reply({ method, path: template.replace(/\{[^}]+\}/g, 'x'), status: Number(status), body: {} })),
      ),
    );

    // Act
    const checks = replies.map((observed) => onFile.check(observed));

    // Assess
    expect(replies.length).toBeGreaterThan(100);
    expect(checks.filter((check) => check.problems.some((problem) => problem.includes('not declared')))).toEqual([]);
  });
});
