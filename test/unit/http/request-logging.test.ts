import { accountRoute } from '../../../shared/http/account-route';
import { publicRoute } from '../../../shared/http/public-route';
import { logger } from '../../../shared/runtime/logger';
import { seedApiKey } from '../../support/api-keys';
import { fakeDependencies } from '../../support/dependencies';
import { apiGatewayEvent, bearer, jsonBody, lambdaContext } from '../../support/lambda';
import { linesWithMessage, linesWrittenBy } from '../../support/written-lines';

/** An account route that logs one line of its own and answers what it is told. */
const accountRouteThat = (answer: () => Promise<unknown>) =>
  accountRoute({ permission: 'ACCOUNT_READ', scope: 'account', context: () => undefined }, async () => {
    logger.info('use case ran');
    return answer();
  });

const publicRouteThat = (answer: () => Promise<unknown>) => publicRoute({}, answer);

/** The deps a request of a READONLY key of retailer R7 in account acme authenticates against, and the key. */
const keyOfAcme = async () => {
  const deps = fakeDependencies();
  const key = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'READONLY', retailerId: 'R7' });
  return { deps, ...key };
};

const ok = async () => ({ ok: true });

describe('the log lines of an HTTP request', () => {
  it('answers with the caller x-correlation-id and puts it on every line', async () => {
    // Prepare
    const { deps, apiKey } = await keyOfAcme();
    const handler = accountRouteThat(ok).with({ authentication: deps });
    const event = apiGatewayEvent({ method: 'GET', resource: '/v1/account', requestId: 'req-1', headers: { ...bearer(apiKey), 'X-Correlation-Id': 'shop-checkout-42' } });

    // Act
    let response: Awaited<ReturnType<typeof handler>> | undefined;
    const lines = await linesWrittenBy(async () => (response = await handler(event, lambdaContext())));

    // Assess
    expect(response?.headers?.['x-correlation-id']).toBe('shop-checkout-42');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => line.correlationId === 'shop-checkout-42')).toBe(true);
  });

  it.each([
    ['a value with spaces', 'a b'],
    ['a value with a newline', 'abc\ninjected'],
    ['a value longer than 128 characters', 'x'.repeat(129)],
  ])('takes the request id as correlation id instead of %s', async (_label, given) => {
    // Prepare
    const handler = publicRouteThat(ok);
    const event = apiGatewayEvent({ method: 'GET', resource: '/v1/health', requestId: 'req-2', headers: { 'x-correlation-id': given } });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.headers?.['x-correlation-id']).toBe('req-2');
  });

  it('names the account, retailer and key on every line after authentication', async () => {
    // Prepare
    const { deps, apiKey, keyId } = await keyOfAcme();
    const handler = accountRouteThat(ok).with({ authentication: deps });

    // Act
    const lines = await linesWrittenBy(() => handler(apiGatewayEvent({ method: 'GET', resource: '/v1/account', headers: bearer(apiKey) }), lambdaContext()));

    // Assess
    expect(linesWithMessage(lines, 'use case ran')).toEqual([expect.objectContaining({ accountId: 'acme', retailerId: 'R7', keyId })]);
  });

  it('writes one request completed line with exactly the summary fields, and no header or body', async () => {
    // Prepare
    const { deps, apiKey, keyId } = await keyOfAcme();
    const handler = accountRouteThat(ok).with({ authentication: deps });
    const event = apiGatewayEvent({ method: 'GET', resource: '/v1/account', requestId: 'req-3', headers: bearer(apiKey) });

    // Act
    const lines = await linesWrittenBy(() => handler(event, lambdaContext()));

    // Assess
    const completed = linesWithMessage(lines, 'request completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({
      level: 'INFO',
      accountId: 'acme',
      retailerId: 'R7',
      keyId,
      route: '/v1/account',
      method: 'GET',
      statusCode: 200,
      durationMs: expect.any(Number),
      requestId: 'req-3',
      correlationId: 'req-3',
    });
    expect(JSON.stringify(lines)).not.toContain(apiKey);
  });

  it('writes the request completed line of a refused key without an account', async () => {
    // Prepare
    const { deps } = await keyOfAcme();
    const handler = accountRouteThat(ok).with({ authentication: deps });

    // Act
    const lines = await linesWrittenBy(() => handler(apiGatewayEvent({ method: 'GET', resource: '/v1/account', headers: bearer('ordo_nope') }), lambdaContext()));

    // Assess
    const [completed] = linesWithMessage(lines, 'request completed');
    expect(completed).toMatchObject({ statusCode: 401, route: '/v1/account' });
    expect(completed).not.toHaveProperty('accountId');
  });

  it('logs an unhandled error once with its stack, and answers only the request id', async () => {
    // Prepare
    const handler = publicRouteThat(async () => {
      throw new TypeError('cannot read properties of undefined');
    });

    // Act
    let response: Awaited<ReturnType<typeof handler>> | undefined;
    const lines = await linesWrittenBy(async () => (response = await handler(apiGatewayEvent({ method: 'GET', resource: '/v1/health', requestId: 'req-4' }), lambdaContext())));

    // Assess
    const unhandled = linesWithMessage(lines, 'unhandled error');
    expect(unhandled).toHaveLength(1);
    expect(unhandled[0]?.error).toMatchObject({ name: 'TypeError', stack: expect.stringContaining('request-logging.test.ts') });
    expect(response?.statusCode).toBe(500);
    expect(jsonBody(response as { body: string })).toEqual({ error: { code: 'INTERNAL_ERROR', message: expect.any(String) }, requestId: 'req-4' });
  });

  it('keeps the keys of one request off the lines of another running at the same time', async () => {
    // Prepare
    const { deps, apiKey } = await keyOfAcme();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = accountRouteThat(async () => held).with({ authentication: deps });
    const anonymous = publicRouteThat(async () => {
      logger.info('public route ran');
      return { ok: true };
    });

    // Act
    const lines = await linesWrittenBy(async () => {
      const first = slow(apiGatewayEvent({ method: 'GET', resource: '/v1/account', requestId: 'req-slow', headers: bearer(apiKey) }), lambdaContext());
      await new Promise((resolve) => setTimeout(resolve, 10));
      await anonymous(apiGatewayEvent({ method: 'GET', resource: '/v1/health', requestId: 'req-public' }), lambdaContext());
      release();
      await first;
    });

    // Assess
    const [publicLine] = linesWithMessage(lines, 'public route ran');
    expect(publicLine).toMatchObject({ correlationId: 'req-public' });
    expect(publicLine).not.toHaveProperty('accountId');
  });
});
