import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  UnauthenticatedError,
  ValidationError,
  type DomainError,
} from '../../../shared/domain/domain-errors';
import { OrdoError } from '../../../shared/engine/ordo-error';
import { logger } from '../../../shared/runtime/logger';
import { responses } from '../../../shared/http/response-middleware';
import { toApiGatewayResult } from '../../../shared/http/response';
import { apiGatewayEvent, jsonBody, lambdaContext } from '../../support/lambda';

interface ErrorResponseBody {
  error: { code: string; message: string; field?: string; details?: { field: string; message: string }[] };
  requestId: string;
}

/** A handler that does nothing but what it is told, wrapped in the middleware under test. */
const handlerThat = (run: () => Promise<APIGatewayProxyResult>) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>().use(responses()).handler(run);

const throwing = (error: unknown) =>
  handlerThat(async () => {
    throw error;
  });

const invoke = (handler: ReturnType<typeof handlerThat>, event = apiGatewayEvent({ requestId: 'req-42' })) =>
  handler(event, lambdaContext());

describe('the responses middleware', () => {
  let info: jest.SpyInstance;
  let error: jest.SpyInstance;

  beforeEach(() => {
    info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('tells the caller when to try again after a 503, and only then', async () => {
    // Act
    const unavailable = await invoke(throwing(new ServiceUnavailableError('The inventory queue is unavailable', 7)));
    const conflict = await invoke(throwing(new ConflictError('Job closed')));

    // Assess
    expect(unavailable.headers?.['retry-after']).toBe('7');
    expect(conflict.headers?.['retry-after']).toBeUndefined();
  });

  it.each<[string, DomainError, number]>([
    ['ValidationError', new ValidationError('accountId is required', 'accountId'), 400],
    ['UnauthenticatedError', new UnauthenticatedError(), 401],
    ['ForbiddenError', new ForbiddenError('Role READONLY lacks the API_KEY_CREATE permission'), 403],
    ['NotFoundError', new NotFoundError('No active API key x in this account'), 404],
    ['ConflictError', new ConflictError('Account acme already exists', 'accountId'), 409],
    ['PayloadTooLargeError', new PayloadTooLargeError('The request body is larger than 10 bytes'), 413],
    ['ServiceUnavailableError', new ServiceUnavailableError('The inventory queue is unavailable'), 503],
  ])('answers a %s with status %i', async (_name, domainError, status) => {
    // Prepare
    const handler = throwing(domainError);

    // Act
    const response = await invoke(handler);

    // Assess
    expect(response.statusCode).toBe(status);
  });

  it('answers a DomainError with {error: {code, message, field}, requestId}', async () => {
    // Prepare
    const handler = throwing(new ConflictError('Account acme already exists', 'accountId'));

    // Act
    const response = await invoke(handler, apiGatewayEvent({ requestId: 'req-conflict-1' }));

    // Assess
    expect(jsonBody(response)).toEqual({
      error: { code: 'CONFLICT', message: 'Account acme already exists', field: 'accountId' },
      requestId: 'req-conflict-1',
    });
  });

  it('leaves field out of the error when the DomainError names none', async () => {
    // Prepare
    const handler = throwing(new NotFoundError('No route'));

    // Act
    const response = await invoke(handler);

    // Assess
    expect(jsonBody<ErrorResponseBody>(response).error).not.toHaveProperty('field');
  });

  it('sends JSON with the request id as a header on an error', async () => {
    // Prepare
    const handler = throwing(new ForbiddenError('no'));

    // Act
    const response = await invoke(handler, apiGatewayEvent({ requestId: 'req-header-1' }));

    // Assess
    expect(response.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req-header-1' });
  });

  it('lists the details of a ValidationError that has several', async () => {
    // Prepare
    const details = [
      { field: 'orderRef', message: 'orderRef is required' },
      { field: 'lines[0].qty', message: 'lines[0].qty: Too small' },
    ];
    const handler = throwing(new ValidationError('orderRef is required; lines[0].qty: Too small', 'orderRef', details));

    // Act
    const response = await invoke(handler);

    // Assess
    expect(jsonBody<ErrorResponseBody>(response).error.details).toEqual(details);
  });

  it('leaves details out of a ValidationError that has only one', async () => {
    // Prepare
    const details = [{ field: 'orderRef', message: 'orderRef is required' }];
    const handler = throwing(new ValidationError('orderRef is required', 'orderRef', details));

    // Act
    const response = await invoke(handler);

    // Assess
    expect(jsonBody<ErrorResponseBody>(response).error).not.toHaveProperty('details');
  });

  it('answers a plain Error with 500 and the code INTERNAL_ERROR', async () => {
    // Prepare
    const handler = throwing(new Error('boom'));

    // Act
    const response = await invoke(handler, apiGatewayEvent({ requestId: 'req-500' }));

    // Assess
    expect(response.statusCode).toBe(500);
    expect(jsonBody<ErrorResponseBody>(response)).toMatchObject({ error: { code: 'INTERNAL_ERROR' }, requestId: 'req-500' });
  });

  it('does not reveal the message of a plain Error to the caller', async () => {
    // Prepare
    const handler = throwing(new Error('could not reach db with secret-token AKIA123'));

    // Act
    const response = await invoke(handler);

    // Assess
    expect(response.body).not.toContain('secret-token');
    expect(response.body).not.toContain('AKIA123');
  });

  it('does not reveal the stack trace of a plain Error to the caller', async () => {
    // Prepare
    const failure = new Error('boom');
    const handler = throwing(failure);

    // Act
    const response = await invoke(handler);

    // Assess
    expect(failure.stack).toContain(__filename);
    expect(response.body).not.toContain(__filename);
    expect(response.body).not.toContain('Error: boom');
  });

  it('answers something that is not even an Error with 500', async () => {
    // Prepare
    const handler = throwing('a thrown string with secret-token');

    // Act
    const response = await invoke(handler);

    // Assess
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret-token');
  });

  it('does not trust an object that only looks like a DomainError', async () => {
    // Prepare
    const impostor = Object.assign(new Error('secret-token inside'), { status: 400, code: 'VALIDATION_FAILED' });
    const handler = throwing(impostor);

    // Act
    const response = await invoke(handler);

    // Assess
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret-token');
  });

  it('answers an error of its own whose code has no status as a bug: 500 with the request id, the code logged', async () => {
    // Prepare
    class UnmappedError extends OrdoError {
      constructor() {
        super('NO_STATUS_FOR_THIS', 'secret-token inside');
      }
    }
    const handler = throwing(new UnmappedError());

    // Act
    const response = await invoke(handler, apiGatewayEvent({ requestId: 'req-unmapped-1' }));

    // Assess
    expect(response.statusCode).toBe(500);
    expect(jsonBody<ErrorResponseBody>(response)).toEqual({ error: { code: 'INTERNAL_ERROR', message: expect.any(String) }, requestId: 'req-unmapped-1' });
    expect(error).toHaveBeenCalledWith('unhandled error', expect.objectContaining({ errorCode: 'NO_STATUS_FOR_THIS' }));
  });

  it('logs a plain Error as an unhandled error', async () => {
    // Prepare
    const handler = throwing(new TypeError('x is undefined'));

    // Act
    await invoke(handler);

    // Assess
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('does not log a DomainError as an unhandled error', async () => {
    // Prepare
    const handler = throwing(new NotFoundError('missing'));

    // Act
    await invoke(handler);

    // Assess
    expect(error).not.toHaveBeenCalled();
  });

  it('passes a successful response through unchanged', async () => {
    // Prepare
    const result = toApiGatewayResult({ status: 201, body: { keyId: 'k1' } }, 'req-ok');
    const handler = handlerThat(async () => result);

    // Act
    const response = await invoke(handler);

    // Assess
    expect(response).toEqual(result);
  });

  it('logs one request completed line with the route, method and status of a successful response', async () => {
    // Prepare
    const handler = handlerThat(async () => toApiGatewayResult({ status: 204 }, 'req-ok'));

    // Act
    await invoke(handler, apiGatewayEvent({ method: 'DELETE', resource: '/api-keys/{keyId}', path: '/api-keys/k1' }));

    // Assess
    expect(info).toHaveBeenCalledTimes(1);
    expect(info).toHaveBeenCalledWith(
      'request completed',
      expect.objectContaining({ method: 'DELETE', route: '/api-keys/{keyId}', statusCode: 204, durationMs: expect.any(Number) }),
    );
  });

  it('logs one request completed line with the error status of a failed request', async () => {
    // Prepare
    const handler = throwing(new ForbiddenError('no'));

    // Act
    await invoke(handler);

    // Assess
    expect(info).toHaveBeenCalledTimes(1);
    expect(info).toHaveBeenCalledWith('request completed', expect.objectContaining({ statusCode: 403, requestId: 'req-42' }));
  });

  it('never logs the request body or headers', async () => {
    // Prepare
    const event = apiGatewayEvent({
      method: 'POST',
      headers: { Authorization: 'Bearer ordo_secret-token' },
      body: { password: 'secret-token' },
    });
    const handler = throwing(new Error('boom'));

    // Act
    await invoke(handler, event);

    // Assess
    const logged = JSON.stringify([...info.mock.calls, ...error.mock.calls]);
    expect(logged).not.toContain('secret-token');
  });
});
