import { handler as getAccountRoute } from '../../../functions/accounts/get-account';
import { admitRequest } from '../../../shared/domain/accounts/request-rate';
import { logger } from '../../../shared/runtime/logger';
import { seedApiKey } from '../../support/api-keys';
import { fakeDependencies } from '../../support/dependencies';
import { apiGatewayEvent, bearer, jsonBody, lambdaContext } from '../../support/lambda';
import { InMemoryAccountRateLimits, InMemoryRequestCounter } from '../../support/request-counter';

/** GET /v1/account over in-memory parts, with a limit of `limit` requests a second per account. */
const limitedRoute = (limit: number) => {
  const deps = fakeDependencies();
  const counter = new InMemoryRequestCounter();
  const rate = { counter, limits: new InMemoryAccountRateLimits(), clock: deps.clock, defaultLimit: limit, onCounterFailure: () => undefined };
  const route = getAccountRoute.with({
    context: () => deps,
    authentication: { ...deps, admit: (principal) => admitRequest(principal.accountId, rate) },
  });
  const call = (apiKey: string) => route(apiGatewayEvent({ method: 'GET', resource: '/v1/account', headers: bearer(apiKey) }), lambdaContext());
  return { deps, counter, call };
};

describe('the rate limit on account routes', () => {
  beforeEach(() => {
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('answers the request over the limit with 429 RATE_LIMITED and a Retry-After header in seconds', async () => {
    // Prepare
    const { deps, call } = limitedRoute(2);
    const { apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN' });
    await call(apiKey);
    await call(apiKey);

    // Act
    const response = await call(apiKey);

    // Assess
    expect(response.statusCode).toBe(429);
    expect(response.headers?.['retry-after']).toBe('1');
    expect(jsonBody<{ error: { code: string }; requestId: string }>(response)).toMatchObject({ error: { code: 'RATE_LIMITED' }, requestId: 'req-unit-0001' });
  });

  it('counts a forbidden request of an authenticated key too', async () => {
    // Prepare
    const { deps, counter, call } = limitedRoute(5);
    const { apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'no-such-role' });

    // Act
    const response = await call(apiKey);

    // Assess
    expect(response.statusCode).toBe(403);
    expect([...counter.counts.values()]).toEqual([1]);
  });

  it('counts nothing for a request without a valid key', async () => {
    // Prepare
    const { counter, call } = limitedRoute(5);

    // Act
    const response = await call('ordo_0123456789abcdef_not-a-real-secret');

    // Assess
    expect(response.statusCode).toBe(401);
    expect(counter.counts.size).toBe(0);
  });
});
