import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { RateLimitedError, ServiceUnavailableError } from '../domain/domain-errors';
import { OrdoError } from '../engine/ordo-error';
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

/**
 * Turns every failure into the JSON error shape and logs one line per request.
 * Written here rather than using @middy/http-error-handler because integrators rely on
 * `{error: {code, message, field?}, requestId}`. An unexpected error shows the caller only
 * the request id; the log gets its name and message, never its stack, the body or headers.
 */
export const responses = (): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => {
  let startedAt = 0;
  const logRequest = (event: APIGatewayProxyEvent, statusCode: number) =>
    logger.info('request', {
      method: event.httpMethod,
      resource: event.resource,
      statusCode,
      durationMs: Date.now() - startedAt,
    });

  return {
    before: () => {
      startedAt = Date.now();
    },
    after: ({ event, response }) => {
      logRequest(event, response?.statusCode ?? 0);
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
        logger.error('unhandled error', {
          errorName: error?.name,
          errorMessage: error?.message,
          ...(error instanceof OrdoError ? { errorCode: error.code } : {}),
        });
        request.response = toApiGatewayResult({ status: 500, body: internalError(requestId) }, requestId);
      }
      logRequest(request.event, request.response.statusCode);
    },
  };
};
