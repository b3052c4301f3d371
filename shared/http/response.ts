import type { APIGatewayProxyResult } from 'aws-lambda';

export interface HttpResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const ok = (body: unknown): HttpResult => ({ status: 200, body });
export const created = (body: unknown): HttpResult => ({ status: 201, body });
export const noContent = (): HttpResult => ({ status: 204 });

export const toApiGatewayResult = (result: HttpResult, requestId: string): APIGatewayProxyResult => ({
  statusCode: result.status,
  headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...result.headers },
  body: result.body === undefined ? '' : JSON.stringify(result.body),
});
