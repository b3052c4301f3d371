import type { APIGatewayProxyResult } from 'aws-lambda';
import { consoleOriginHeaders, forConsoleOrigins, parseConsoleOrigins } from '../../../shared/http/console-origin';
import { apiGatewayEvent, lambdaContext } from '../../support/lambda';

const CONSOLE = 'http://127.0.0.1:3003';
const ALLOWED = [CONSOLE, 'http://localhost:3003'];

describe('parseConsoleOrigins', () => {
  it('reads a comma-separated list, leaving out blanks and trailing slashes', () => {
    // Act
    const origins = parseConsoleOrigins(' http://127.0.0.1:3003/ ,, https://console.example.com ');

    // Assess
    expect(origins).toEqual(['http://127.0.0.1:3003', 'https://console.example.com']);
  });

  it('reads no origin from an unset or empty setting', () => {
    // Act
    const origins = [parseConsoleOrigins(undefined), parseConsoleOrigins('')];

    // Assess
    expect(origins).toEqual([[], []]);
  });
});

describe('consoleOriginHeaders', () => {
  it('lets a listed origin read the answer and the headers the console reads', () => {
    // Act
    const headers = consoleOriginHeaders(CONSOLE, ALLOWED);

    // Assess
    expect(headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(headers['access-control-expose-headers']?.split(',')).toEqual(expect.arrayContaining(['x-request-id', 'retry-after', 'location']));
    expect(headers.vary).toBe('origin');
  });

  it.each([
    ['another site', 'http://evil.example'],
    ['another port of the same host', 'http://127.0.0.1:3000'],
    ['a listed origin with a path', `${CONSOLE}/`],
    ['another scheme', 'https://127.0.0.1:3003'],
    ['no origin', undefined],
  ])('gives %s no CORS header', (_case, origin) => {
    // Act
    const headers = consoleOriginHeaders(origin, ALLOWED);

    // Assess
    expect(headers).toEqual({});
  });

  it('gives no origin a CORS header when no console origin is set', () => {
    // Act
    const headers = consoleOriginHeaders(CONSOLE, []);

    // Assess
    expect(headers).toEqual({});
  });

  it('never allows credentials: the console sends its key in a header', () => {
    // Act
    const headers = consoleOriginHeaders(CONSOLE, ALLOWED);

    // Assess
    expect(Object.keys(headers)).not.toContain('access-control-allow-credentials');
  });
});

describe('forConsoleOrigins', () => {
  const answer: APIGatewayProxyResult = { statusCode: 401, headers: { 'x-request-id': 'req-1' }, body: '{}' };
  const route = forConsoleOrigins(async () => answer, () => ALLOWED);

  it("adds the CORS headers to a route's answer, an error too, for a listed origin", async () => {
    // Act
    const response = await route(apiGatewayEvent({ headers: { Origin: CONSOLE } }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(401);
    expect(response.headers).toMatchObject({ 'x-request-id': 'req-1', 'access-control-allow-origin': CONSOLE });
  });

  it('leaves the answer to another origin as it was', async () => {
    // Act
    const response = await route(apiGatewayEvent({ headers: { origin: 'http://evil.example' } }), lambdaContext());

    // Assess
    expect(response).toEqual(answer);
  });
});
