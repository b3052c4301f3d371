import type { APIGatewayProxyEvent } from 'aws-lambda';
import { handler as createWebhook } from '../../../functions/webhooks/create-webhook';
import { handler as createAccount } from '../../../functions/accounts/create-account';
import { handler as routeFallback } from '../../../functions/http/route-fallback';
import { probeFor } from '../../../shared/domain/operations/function-probes';
import { lambdaContext } from '../../support/lambda';

type ApiHandler = (event: APIGatewayProxyEvent, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;

const answerOf = (handler: ApiHandler, name: string) => handler(probeFor(name, 'production').event as APIGatewayProxyEvent, lambdaContext());

describe('the probe of a new version', () => {
  it('gets a 401 problem from an account route, without a key', async () => {
    // Prepare
    const probe = probeFor('createWebhook', 'production');

    // Act
    const answer = await answerOf(createWebhook as ApiHandler, 'createWebhook');

    // Assess
    expect(probe.check(answer)).toBe('answered 401 UNAUTHENTICATED');
  });

  it('gets a 401 problem from an operator route, without a key', async () => {
    // Prepare
    const probe = probeFor('createAccount', 'production');

    // Act
    const answer = await answerOf(createAccount as ApiHandler, 'createAccount');

    // Assess
    expect(probe.check(answer)).toBe('answered 401 UNAUTHENTICATED');
  });

  it('gets a 404 problem from the route fallback', async () => {
    // Prepare
    const probe = probeFor('routeFallback', 'production');

    // Act
    const answer = await answerOf(routeFallback as ApiHandler, 'routeFallback');

    // Assess
    expect(probe.check(answer)).toBe('answered 404 ROUTE_NOT_FOUND');
  });

  it('refuses a route answer that is a 500', () => {
    // Prepare
    const probe = probeFor('getOrder', 'production');

    // Act
    const check = () => probe.check({ statusCode: 500, body: JSON.stringify({ error: { code: 'INTERNAL' } }) });

    // Assess
    expect(check).toThrow('answered 500, expected 401');
  });

  it('sends queue and stream consumers an empty batch and wants no failures back', () => {
    // Prepare
    const probe = probeFor('relayOutbox', 'production');

    // Act
    const check = () => probe.check({ batchItemFailures: [{ itemIdentifier: '1' }] });

    // Assess
    expect(probe.event).toEqual({ Records: [] });
    expect(check).toThrow(/expected no batchItemFailures/);
  });

  it("sends the bus ingress the stage's own source, which it drops without reading anything", () => {
    // Prepare
    const probe = probeFor('ingestBusEvent', 'sandbox');

    // Act
    const detail = probe.check({ accepted: false, reason: 'OWN_SOURCE' });

    // Assess
    expect(probe.event).toMatchObject({ source: 'ordo.sandbox' });
    expect(detail).toBe('dropped its own event');
  });
});
