import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { RateLimitedError, ServiceUnavailableError } from '../domain/domain-errors';
import { OrdoError } from '../engine/ordo-error';
import { currentLogContext } from '../runtime/log-context';
import { logger } from '../runtime/logger';
import { statusOf } from './error-statuses';
import { toApiGatewayResult } from './response';

const requestIdOf = (event: APIGatewayProxyEvent): string => event.requestContext?.requestId ?? 'unknown';

const errorBody = (error: OrdoError, requestId: string) => ({
  error: {
    code: error.code,
    message: error.message,
    ...(error.field ? { field: error.field } : {}),
    ...(error.details && error.details.length > 1 ? { details: error.details } : {}),
  },
  requestId,
});

const internalError = (requestId: string) => ({
  error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side; quote the requestId when you report it' },
  requestId,
});

/** The request's summary line: what the API access logs cannot know (the caller), never the body or headers. */
const logCompleted = (event: APIGatewayProxyEvent, statusCode: number, startedAt: number) => {
  const { accountId, retailerId, keyId, requestId, correlationId } = currentLogContext();
  // Shipped to the request log by a subscription filtering on this message: keep its text and field names.
  logger.info('request completed', {
    accountId,
    retailerId,
    keyId,
    route: event.resource,
    method: event.httpMethod,
    statusCode,
    durationMs: Date.now() - startedAt,
    requestId: requestId ?? requestIdOf(event),
    correlationId,
  });
};

/**
 * Turns every failure into the JSON error shape and logs one summary line per request.
 * Written here rather than using @middy/http-error-handler because integrators rely on
 * `{error: {code, message, field?}, requestId}`. An unexpected error shows the caller only
 * the request id; the log gets it once with its stack, never the body or headers.
 */
export const responses = (): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => {
  // Per request, not per middleware: one handler may serve requests at once (serverless offline in one process).
  const startedAt = new WeakMap<object, number>();
  const started = (request: object) => startedAt.get(request) ?? Date.now();

  return {
    before: (request) => {
      startedAt.set(request, Date.now());
    },
    after: (request) => {
      logCompleted(request.event, request.response?.statusCode ?? 0, started(request));
    },
    onError: (request) => {
      const requestId = requestIdOf(request.event);
      const error = request.error;
      const status = error instanceof OrdoError ? statusOf(error) : undefined;
      if (error instanceof OrdoError && status !== undefined) {
        const retryLater = error instanceof ServiceUnavailableError || error instanceof RateLimitedError;
        const headers = retryLater ? { 'retry-after': String(error.retryAfterSeconds) } : undefined;
        request.response = toApiGatewayResult({ status, body: errorBody(error, requestId), headers }, requestId);
      } else {
        // An error of our own whose code has no status is a bug too: its code was left out of the map.
        logger.error('unhandled error', { error: error ?? new Error('unknown failure'), ...(error instanceof OrdoError ? { errorCode: error.code } : {}) });
        request.response = toApiGatewayResult({ status: 500, body: internalError(requestId) }, requestId);
      }
      logCompleted(request.event, request.response.statusCode, started(request));
    },
  };
};
