import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type * as z from 'zod';
import { dependencies, type Dependencies } from '../config/dependencies';
import type { AccountPrincipal } from '../domain/accounts/principal';
import type { Permission } from '../domain/accounts/roles';
import { accountCaller, requireOperator } from './caller';
import { logger } from '../runtime/logger';
import { readJsonBody } from './request-body';
import { responses } from './response-middleware';
import { toApiGatewayResult, type HttpResult } from './response';
import type { LambdaRoute, RouteScope } from './route-declaration';

type BodyOf<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteRequest<B> {
  body: B;
  path: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  requestId: string;
  deps: Dependencies;
}

export interface AccountRouteRequest<B> extends RouteRequest<B> {
  principal: AccountPrincipal;
}

type Handle = (event: APIGatewayProxyEvent, deps: Dependencies) => Promise<HttpResult>;

type LegacyDeclaration =
  | { access: 'public' }
  | { access: 'operator' }
  | { access: 'account'; permission: Permission; scope: RouteScope };

export type RouteHandler = LambdaRoute;

const middyHandler = (handle: Handle) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger, { correlationIdPath: 'requestContext.requestId', resetKeys: true }))
    .use(responses())
    .handler(async (event) => toApiGatewayResult(await handle(event, dependencies()), event.requestContext.requestId));

// Routes not yet declaring their schemas: being moved to account-route.ts, operator-route.ts, public-route.ts.
const build = (route: LegacyDeclaration, handle: Handle): RouteHandler =>
  Object.assign(middyHandler(handle), { route: { ...route, input: {}, status: 'computed' as const } });

const requestOf = <S extends z.ZodType | undefined>(
  event: APIGatewayProxyEvent,
  deps: Dependencies,
  schema: S,
  maxBodyBytes = deps.settings.maxBodyBytes,
): RouteRequest<BodyOf<S>> => ({
  body: (schema ? readJsonBody(event, schema, maxBodyBytes) : undefined) as BodyOf<S>,
  path: event.pathParameters ?? {},
  query: event.queryStringParameters ?? {},
  requestId: event.requestContext.requestId,
  deps,
});

/** A route anyone may call (health, unknown routes). */
export const publicRoute = (run: (request: RouteRequest<undefined>, event: APIGatewayProxyEvent) => Promise<HttpResult>) =>
  build({ access: 'public' }, (event, deps) => run(requestOf(event, deps, undefined), event));

/** A route for the platform operator, who manages accounts. */
export const operatorRoute = <S extends z.ZodType | undefined = undefined>(
  spec: { body?: S },
  run: (request: RouteRequest<BodyOf<S>>) => Promise<HttpResult>,
) =>
  build({ access: 'operator' }, async (event, deps) => {
    requireOperator(event, deps.settings.operatorKey);
    return run(requestOf(event, deps, spec.body as S));
  });

/**
 * A route for an account's API key. Authentication comes before the body is read, so a
 * caller without a key learns nothing about the body's schema.
 */
export const accountRoute = <S extends z.ZodType | undefined = undefined>(
  /** maxBodyBytes: for bulk routes, instead of the settings' limit. */
  spec: { permission: Permission; scope: RouteScope; body?: S; maxBodyBytes?: number },
  run: (request: AccountRouteRequest<BodyOf<S>>) => Promise<HttpResult>,
) =>
  build({ access: 'account', permission: spec.permission, scope: spec.scope }, async (event, deps) => {
    const principal = await accountCaller(event, spec.permission, { ...deps, stage: deps.settings.stage });
    return run({ ...requestOf(event, deps, spec.body as S, spec.maxBodyBytes), principal });
  });
