import type { APIGatewayProxyResult } from 'aws-lambda';

export interface HttpResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * On every response, errors included. Every answer may carry account data, so none is cached;
 * browsers must not sniff a JSON body into something they would run.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

export const toApiGatewayResult = (result: HttpResult, requestId: string): APIGatewayProxyResult => ({
  statusCode: result.status,
  headers: { ...SECURITY_HEADERS, 'x-request-id': requestId, ...result.headers },
  body: result.body === undefined ? '' : JSON.stringify(result.body),
});
