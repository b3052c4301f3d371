import middy, { type MiddlewareObj } from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { settings } from '../composition/settings';
import { validate } from '../domain/validation';
import { logger } from '../runtime/logger';
import '../runtime/local-key-guard';
import { forConsoleOrigins } from './console-origin';
import { readJsonBody } from './request-body';
import { inRequestScope } from './request-scope';
import { responses } from './response-middleware';
import { toApiGatewayResult, type HttpResult } from './response';
import type { LambdaRoute, RouteDeclaration, RouteInput, RouteSpec, Schema } from './route-declaration';

type RouteMiddleware = MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult>;

/**
 * Every route: the logger with the request's correlation id, the JSON error shape, the security
 * headers, and CORS headers for the console's origins. `around` wraps the rest (the tracer's subsegment on authenticated routes).
 */
export const lambdaRoute = (route: RouteDeclaration, run: (event: APIGatewayProxyEvent) => Promise<HttpResult>, around: RouteMiddleware[] = []): LambdaRoute =>
  Object.assign(
    forConsoleOrigins(
      inRequestScope(
        middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
          .use(injectLambdaContext(logger, { resetKeys: true }))
          .use(around)
          .use(responses())
          .handler(async (event) => toApiGatewayResult(await run(event), event.requestContext.requestId)),
      ),
      () => settings().consoleOrigins,
    ),
    { route },
  );

export const declaredInput = <B extends Schema, P extends Schema, Q extends Schema, R>(spec: RouteSpec<B, P, Q, R>) => ({
  input: { body: spec.body, path: spec.path, query: spec.query },
  status: typeof spec.status === 'function' ? ('computed' as const) : (spec.status ?? 200),
});

/** The body first (its size and JSON), then the path, then the query: each named in the 400 it fails with. */
export const routeInput = <B extends Schema, P extends Schema, Q extends Schema, R>(event: APIGatewayProxyEvent, spec: RouteSpec<B, P, Q, R>, maxBodyBytes: number): RouteInput<B, P, Q> =>
  ({
    body: spec.body ? readJsonBody(event, spec.body, maxBodyBytes) : undefined,
    path: spec.path ? validate(spec.path, event.pathParameters ?? {}, 'path') : {},
    query: spec.query ? validate(spec.query, event.queryStringParameters ?? {}, 'query') : {},
  }) as RouteInput<B, P, Q>;

export const routeResult = <R>(spec: Pick<RouteSpec<Schema, Schema, Schema, R>, 'status' | 'view' | 'responseHeaders'>, result: R): HttpResult => {
  const status = typeof spec.status === 'function' ? spec.status(result) : (spec.status ?? 200);
  return { status, body: status === 204 ? undefined : spec.view ? spec.view(result) : result, headers: spec.responseHeaders?.(result) };
};
