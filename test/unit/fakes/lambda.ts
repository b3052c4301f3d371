import type { APIGatewayProxyEvent, Context } from 'aws-lambda';

export interface EventSpec {
  method?: string;
  resource?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: unknown;
  pathParameters?: Record<string, string>;
  requestId?: string;
}

/** A REST API (v1) proxy event as API Gateway sends it; objects given as body are sent as JSON. */
export const apiGatewayEvent = (spec: EventSpec = {}): APIGatewayProxyEvent => {
  const method = spec.method ?? 'GET';
  const resource = spec.resource ?? '/';
  const path = spec.path ?? resource;
  const requestId = spec.requestId ?? 'req-unit-0001';
  return {
    httpMethod: method,
    resource,
    path,
    headers: spec.headers ?? {},
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: spec.pathParameters ?? null,
    stageVariables: null,
    body: spec.body === undefined ? null : typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body),
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'unitapi',
      authorizer: undefined,
      protocol: 'HTTP/1.1',
      httpMethod: method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: '203.0.113.10',
        user: null,
        userAgent: 'unit-test',
        userArn: null,
      },
      path: `/sandbox${path}`,
      stage: 'sandbox',
      requestId,
      requestTimeEpoch: 1_700_000_000_000,
      resourceId: 'res123',
      resourcePath: resource,
    },
  };
};

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

/** Just enough of a Lambda context for middy and the Powertools logger. */
export const lambdaContext = (): Context => ({
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'ordo-unit-handler',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:ordo-unit-handler',
  memoryLimitInMB: '512',
  awsRequestId: 'lambda-req-0001',
  logGroupName: '/aws/lambda/ordo-unit-handler',
  logStreamName: '2025/01/01/[$LATEST]0123456789abcdef',
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

/** The parsed JSON body of a handler's response. */
export const jsonBody = <T = Record<string, unknown>>(response: { body: string }): T => JSON.parse(response.body) as T;
