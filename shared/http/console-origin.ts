import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

/**
 * Response headers a browser page of another origin may read: the request id to quote, when to
 * retry, where a created resource is, and the contract's ETag.
 */
export const CONSOLE_EXPOSED_HEADERS = ['x-request-id', 'x-correlation-id', 'retry-after', 'location', 'etag'] as const;

/** `ORDO_CONSOLE_ORIGINS`: comma-separated origins (scheme, host and port), blanks and a trailing slash left out. */
export const parseConsoleOrigins = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter((origin) => origin.length > 0);

const originOf = (event: Pick<APIGatewayProxyEvent, 'headers'>): string | undefined =>
  Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'origin')?.[1];

/**
 * The CORS headers of an answer to a page of `origin`: only an origin in the list, matched
 * exactly, may read the answer; any other gets none, and the browser keeps the answer from it.
 * No credentials: the console sends its API key in a header, never a cookie.
 */
export const consoleOriginHeaders = (origin: string | undefined, allowed: readonly string[]): Record<string, string> =>
  origin && allowed.includes(origin)
    ? { 'access-control-allow-origin': origin, 'access-control-expose-headers': CONSOLE_EXPOSED_HEADERS.join(','), vary: 'origin' }
    : {};

type Route<C> = (event: APIGatewayProxyEvent, context: C) => Promise<APIGatewayProxyResult>;

/** Every answer of a route, errors included, readable by the console's origins alone. */
export const forConsoleOrigins =
  <C>(route: Route<C>, allowedOrigins: () => readonly string[]): Route<C> =>
  async (event, context) => {
    const response = await route(event, context);
    const headers = consoleOriginHeaders(originOf(event), allowedOrigins());
    return Object.keys(headers).length ? { ...response, headers: { ...response.headers, ...headers } } : response;
  };
