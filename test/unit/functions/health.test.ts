import { logger } from '../../../shared/runtime/logger';
import { handler } from '../../../functions/health/get-health';
import { InMemoryControlPlaneStore } from '../../support/control-plane-store';
import { apiGatewayEvent, jsonBody, lambdaContext } from '../../support/lambda';

// The route runs over an in-memory control plane instead of the real DynamoDB one.
let controlPlane = new InMemoryControlPlaneStore();
const route = handler.with({ context: () => ({ controlPlane, version: '3.1.4' }) });

const getHealth = () => route(apiGatewayEvent({ method: 'GET', resource: '/health', requestId: 'req-health' }), lambdaContext());

describe('GET /health', () => {
  beforeEach(() => {
    controlPlane = new InMemoryControlPlaneStore();
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('answers 200 with status ok and the running version when the store answers', async () => {
    // Act
    const response = await getHealth();

    // Assess
    expect(response.statusCode).toBe(200);
    expect(jsonBody(response)).toMatchObject({ status: 'ok', version: '3.1.4', dynamodb: 'ok' });
  });

  it('answers 503 with status degraded when the store does not answer', async () => {
    // Prepare
    controlPlane.pingFailure = new Error('connect ECONNREFUSED');

    // Act
    const response = await getHealth();

    // Assess
    expect(response.statusCode).toBe(503);
    expect(jsonBody(response)).toMatchObject({ status: 'degraded', dynamodb: 'unreachable' });
  });

  it('answers a request that carries no Authorization header', async () => {
    // Prepare
    const event = apiGatewayEvent({ method: 'GET', resource: '/health', headers: {} });

    // Act
    const response = await route(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
  });

  it('echoes the request id in the x-request-id header', async () => {
    // Act
    const response = await getHealth();

    // Assess
    expect(response.headers).toMatchObject({ 'x-request-id': 'req-health' });
  });
});
