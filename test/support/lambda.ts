import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { apiGatewayEvent as restApiEvent, lambdaContext as supportContext } from './api-gateway-event';

export interface EventSpec {
  method?: string;
  resource?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: unknown;
  pathParameters?: Record<string, string>;
  requestId?: string;
}

/** The shared REST API (v1) event builder, with the defaults unit tests rely on: GET /, a fixed request id. */
export const apiGatewayEvent = (spec: EventSpec = {}): APIGatewayProxyEvent =>
  restApiEvent({
    method: spec.method ?? 'GET',
    resource: spec.resource ?? '/',
    path: spec.path,
    headers: spec.headers,
    body: spec.body,
    pathParameters: spec.pathParameters,
    requestId: spec.requestId ?? 'req-unit-0001',
  });

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

export const lambdaContext = (): Context => supportContext('ordo-unit-handler');

/** The parsed JSON body of a handler's response. */
export const jsonBody = <T = Record<string, unknown>>(response: { body: string }): T => JSON.parse(response.body) as T;
