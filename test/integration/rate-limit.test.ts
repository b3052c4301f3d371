import { handler as getAccountRoute } from '../../functions/accounts/get-account';
import { CachedAccountRateLimits } from '../../shared/adapters/cache/cached-account-rate-limits';
import { DynamoRequestCounter } from '../../shared/adapters/dynamodb/dynamo-request-counter';
import { authentication } from '../../shared/composition/authentication';
import { controlPlane } from '../../shared/composition/control-plane';
import { documentClient } from '../../shared/composition/dynamodb-clients';
import { settings } from '../../shared/composition/settings';
import { admitRequest } from '../../shared/domain/accounts/request-rate';
import { apiGatewayEvent, lambdaContext } from '../support/api-gateway-event';
import { ManualClock } from '../support/clock';
import { api, newAccount, scanTable } from './control-plane-api';

const LIMIT = 5;

/**
 * GET /v1/account over the real parts and DynamoDB Local, with a limit of LIMIT requests a second
 * counted in the control-plane table. The clock stands still, so every request falls in one window.
 */
const limitedGetAccount = (clock: ManualClock) => {
  const rate = {
    counter: new DynamoRequestCounter(documentClient(), settings().controlTableName),
    limits: new CachedAccountRateLimits(controlPlane(), clock),
    clock,
    defaultLimit: LIMIT,
    onCounterFailure: (error: unknown) => {
      throw error;
    },
  };
  const route = getAccountRoute.with({ authentication: { ...authentication(), admit: (principal) => admitRequest(principal.accountId, rate) } });
  return async (apiKey: string) => {
    const result = await route(apiGatewayEvent({ method: 'GET', resource: '/v1/account', apiKey }), lambdaContext());
    return { status: result.statusCode, retryAfter: result.headers?.['retry-after'], body: JSON.parse(result.body) as { error?: { code: string } } };
  };
};

describe('the per-account rate limit against DynamoDB Local', () => {
  it('answers the request after the limit in one second with 429 RATE_LIMITED and Retry-After', async () => {
    // Prepare
    const account = await newAccount('rate-burst');
    const getAccount = limitedGetAccount(new ManualClock('2025-06-01T12:00:00.400Z'));
    const admitted = [];
    for (let i = 0; i < LIMIT; i++) admitted.push((await getAccount(account.apiKey)).status);

    // Act
    const refused = await getAccount(account.apiKey);

    // Assess
    expect(admitted).toEqual(Array(LIMIT).fill(200));
    expect(refused).toMatchObject({ status: 429, retryAfter: '1', body: { error: { code: 'RATE_LIMITED' } } });
  });

  it("leaves another account's requests in the same second unaffected", async () => {
    // Prepare
    const busy = await newAccount('rate-busy');
    const quiet = await newAccount('rate-quiet');
    const getAccount = limitedGetAccount(new ManualClock('2025-06-01T12:00:01.100Z'));
    for (let i = 0; i <= LIMIT; i++) await getAccount(busy.apiKey);

    // Act
    const response = await getAccount(quiet.apiKey);

    // Assess
    expect((await getAccount(busy.apiKey)).status).toBe(429);
    expect(response.status).toBe(200);
  });

  it('admits the account again in the next second', async () => {
    // Prepare
    const account = await newAccount('rate-next');
    const clock = new ManualClock('2025-06-01T12:00:02.900Z');
    const getAccount = limitedGetAccount(clock);
    for (let i = 0; i <= LIMIT; i++) await getAccount(account.apiKey);
    clock.advance(200);

    // Act
    const response = await getAccount(account.apiKey);

    // Assess
    expect(response.status).toBe(200);
  });

  it('keeps one counter per account and second in the control table, with a TTL, and nothing in the account table', async () => {
    // Prepare
    const account = await newAccount('rate-items');
    const getAccount = limitedGetAccount(new ManualClock('2025-06-01T12:00:03.000Z'));

    // Act
    for (let i = 0; i <= LIMIT; i++) await getAccount(account.apiKey);

    // Assess
    const counters = (await scanTable(settings().controlTableName)).filter((item) => item.PK?.S === `RATE#${account.accountId}`);
    expect(counters.map((item) => [item.requests?.N, Number(item.expiresAt?.N) > Date.parse('2025-06-01T12:00:04.000Z') / 1000])).toEqual([
      [String(LIMIT), true],
    ]);
    const accountTable = await scanTable(`ordo-sandbox-acct-${account.accountId}`);
    expect(accountTable.filter((item) => JSON.stringify(item).includes('RATE#'))).toEqual([]);
  });

  it("holds an account to the limit the operator set with PATCH /v1/accounts/{accountId}, over the stage's default", async () => {
    // Prepare
    const account = await newAccount('rate-own');
    const patched = await api.updateAccount(account.accountId, { rateLimitPerSecond: 2 });
    const getAccount = limitedGetAccount(new ManualClock('2025-06-01T12:00:04.000Z'));

    // Act
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await getAccount(account.apiKey)).status);

    // Assess
    expect(patched.status).toBe(200);
    expect(patched.body.rateLimitPerSecond).toBe(2);
    expect(answers).toEqual([200, 200, 429, 429]);
  });

  it('gives an account back the default when the operator removes its own limit', async () => {
    // Prepare
    const account = await newAccount('rate-reset');
    await api.updateAccount(account.accountId, { rateLimitPerSecond: 1 });

    // Act
    const reset = await api.updateAccount(account.accountId, { rateLimitPerSecond: null });

    // Assess
    expect(reset.status).toBe(200);
    expect(reset.body).not.toHaveProperty('rateLimitPerSecond');
    expect(await controlPlane().getAccountRateLimit(account.accountId)).toBeUndefined();
  });
});
