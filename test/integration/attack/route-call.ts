import type { LambdaRoute } from '../../../shared/http/route-declaration';
import { apiGatewayEvent, lambdaContext, type ApiResponse } from '../../support/api-gateway-event';
import type { RouteEntry } from '../../support/route-table';

/** The longest timeout serverless.yml gives an HTTP function (createOrder's 28 s). */
const ROUTE_TIMEOUT_MS = 28_000;

export interface RouteRequest {
  apiKey?: string;
  path: Record<string, string>;
  query: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface RouteResponse extends ApiResponse {
  headers: Record<string, string | number | boolean>;
}

/** Invokes a route's handler in-process as API Gateway would, with the function's time to run. */
export const callRoute = async (handler: LambdaRoute, route: RouteEntry, request: RouteRequest): Promise<RouteResponse> => {
  const startedAt = Date.now();
  const context = { ...lambdaContext(route.functionName), getRemainingTimeInMillis: () => ROUTE_TIMEOUT_MS - (Date.now() - startedAt) };
  const event = apiGatewayEvent({
    method: route.method,
    resource: route.resource,
    pathParameters: request.path,
    query: Object.keys(request.query).length ? request.query : undefined,
    headers: request.headers,
    apiKey: request.apiKey,
    body: request.body,
  });
  const result = await handler(event, context);
  return {
    status: result.statusCode,
    body: result.body ? JSON.parse(result.body) : {},
    raw: result.body,
    headers: result.headers ?? {},
  };
};
