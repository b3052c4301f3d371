import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';

export interface ApiCall {
  method: string;
  /** The route as declared in serverless.yml, e.g. /v1/api-keys/{keyId}. */
  resource: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  apiKey?: string;
  /** An object is sent as JSON; a string is sent as it is. */
  body?: unknown;
  /** Default: the resource with its path parameters filled in. */
  path?: string;
  /** Default: a fresh UUID, as API Gateway gives each request. */
  requestId?: string;
}

const pathOf = (resource: string, parameters: Record<string, string> = {}) =>
  resource.replace(/\{(\w+)\+?\}/g, (_match, name: string) => parameters[name] ?? '');

/** The REST API (v1 payload) event that API Gateway hands a Lambda, built for in-process calls. */
export const apiGatewayEvent = (call: ApiCall): APIGatewayProxyEvent => {
  const requestId = call.requestId ?? randomUUID();
  const headers: Record<string, string> = { 'content-type': 'application/json', ...call.headers };
  if (call.apiKey) headers.Authorization = `Bearer ${call.apiKey}`;
  return {
    httpMethod: call.method,
    resource: call.resource,
    path: call.path ?? pathOf(call.resource, call.pathParameters),
    pathParameters: call.pathParameters ?? null,
    queryStringParameters: call.query ?? null,
    multiValueQueryStringParameters: null,
    headers,
    multiValueHeaders: {},
    body: call.body === undefined ? null : typeof call.body === 'string' ? call.body : JSON.stringify(call.body),
    isBase64Encoded: false,
    stageVariables: null,
    requestContext: { requestId } as APIGatewayProxyEvent['requestContext'],
  };
};

/** A context with `timeoutMs` left, as middy reads it to answer before Lambda would stop the function. */
export const lambdaContext = (functionName = 'ordo-test', timeoutMs = 10_000): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
  memoryLimitInMB: '512',
  awsRequestId: randomUUID(),
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: 'test',
  getRemainingTimeInMillis: () => timeoutMs,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

type ApiHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

export interface ApiResponse {
  status: number;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  raw: string;
}

/**
 * Invokes a handler the way API Gateway would and decodes the JSON reply. `timeoutMs`: the function's timeout in
 * serverless.yml, for a handler whose work (a 5,000-record batch) can pass the default 10 s on a busy machine.
 */
export const invoke = async (handler: ApiHandler, call: ApiCall, timeoutMs?: number): Promise<ApiResponse> => {
  const result = await handler(apiGatewayEvent(call), lambdaContext(undefined, timeoutMs));
  return { status: result.statusCode, body: result.body ? JSON.parse(result.body) : {}, raw: result.body };
};
