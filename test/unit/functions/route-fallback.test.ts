import { handler } from '../../../functions/http/route-fallback';
import { logger } from '../../../shared/runtime/logger';
import { apiGatewayEvent, jsonBody, lambdaContext } from '../../support/lambda';

// The fallback reads nothing but the request, so it runs as deployed, with no fakes.

interface ErrorBody {
  error: { code: string; message: string };
  requestId: string;
}

describe('the route fallback', () => {
  beforeEach(() => {
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('answers a path no route knows with 404 ROUTE_NOT_FOUND naming the method and path', async () => {
    // Prepare
    const event = apiGatewayEvent({ method: 'GET', resource: '/{proxy+}', path: '/ordres', requestId: 'req-404' });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(404);
    const body = jsonBody<ErrorBody>(response);
    expect(body).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' }, requestId: 'req-404' });
    expect(body.error.message).toContain('GET /ordres');
  });

  it('answers a known path with a method it does not take with 405 METHOD_NOT_ALLOWED', async () => {
    // Prepare
    const event = apiGatewayEvent({ method: 'PATCH', resource: '/api-keys', path: '/api-keys' });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(405);
    const body = jsonBody<ErrorBody>(response);
    expect(body.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(body.error.message).toContain('PATCH');
  });
});
