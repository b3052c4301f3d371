import { handler as ingestBusEvent } from '../../functions/engine/ingest-bus-event';
import { dynamoDbClient } from '../../shared/composition/dynamodb-clients';
import { accountTableName } from '../../shared/domain/accounts/account';
import { lambdaContext } from '../support/api-gateway-event';
import { busEvent } from '../support/bus-event';
import { DynamoDbRequestCounter } from '../support/dynamodb-request-counter';
import { loadRouteHandler, routeTable, type RouteEntry } from '../support/route-table';
import { AIMS, aimAt, leakedMarkers, type Aim } from './attack/aim';
import { expectSecurityHeaders } from './attack/expectations';
import { callRoute, type RouteRequest } from './attack/route-call';
import { seedTenant, type TenantFixtures } from './attack/tenant-fixtures';
import { api, newAccount } from './control-plane-api';

/**
 * Account B's key against account A's refs and ids, on every route of serverless.yml, with A's
 * account id forged into the query and the headers: nothing of A in any answer, no write to A's
 * table, and a read of one of A's records is a 404. B may act in its own account (a PUT of a
 * workflow writes B's), never in A's.
 */
// Reads first: B's own writes below (an order with A's ref, in B's account) would make them find B's record.
const ROUTES = routeTable().sort((x, y) => Number(x.method !== 'GET') - Number(y.method !== 'GET'));
const counter = new DynamoDbRequestCounter().attach(dynamoDbClient());
const RETAILER = 'shop';

let a: TenantFixtures;
let bKey: string;
let aTable: string;
let bTable: string;

beforeAll(async () => {
  const accountA = await newAccount('acct-a');
  const accountB = await newAccount('acct-b');
  a = await seedTenant({ accountId: accountA.accountId, retailerId: RETAILER, ownerKey: accountA.apiKey, adminKey: accountA.apiKey });
  a.markers.push(accountA.keyId);
  bKey = accountB.apiKey;
  aTable = accountTableName('sandbox', accountA.accountId);
  bTable = accountTableName('sandbox', accountB.accountId);
}, 60_000);

/** A's account id where a confused handler might take it from: the query, headers, the body. */
const forged = (request: RouteRequest, accountId: string): RouteRequest => ({
  ...request,
  query: { ...request.query, accountId },
  headers: { 'x-ordo-account': accountId, 'x-account-id': accountId, 'x-amzn-account-id': accountId },
});

const readsOneRecord = (route: RouteEntry) => route.method === 'GET' && route.resource.includes('{');

describe.each(ROUTES.map((route) => [route.name, route] as const))("account B's key against account A: %s", (_name, route) => {
  const handler = loadRouteHandler(route);

  it.each(AIMS)('shows nothing of A and writes nothing to A when aimed %s', async (aim: Aim) => {
    // Prepare
    const request = { ...forged(aimAt(route, a, aim, { retailerId: RETAILER }), a.accountId), apiKey: bKey };
    counter.reset();

    // Act
    const response = await callRoute(handler, route, request);

    // Assess
    expect(response.status).toBeLessThan(500);
    expect(leakedMarkers(response.raw ?? '', request, [...a.markers, ...a.accountMarkers])).toEqual([]);
    expect(counter.writesTo(aTable)).toBe(0);
    if (response.status >= 400) expect(counter.writesTo(bTable)).toBe(0);
    expectSecurityHeaders(response, route);
  });

  if (readsOneRecord(route) && handler.route.access === 'account') {
    it("does not answer with A's record", async () => {
      // Prepare
      const aimed = aimAt(route, a, 'AT_TARGET', { retailerId: RETAILER });
      const aAnswer = await callRoute(handler, route, { ...aimed, apiKey: a.ownerKey });

      // Act
      // Headers only: an unknown query parameter is a 400 on routes with a strict query.
      const response = await callRoute(handler, route, { ...aimed, headers: forged(aimed, a.accountId).headers, apiKey: bKey });

      // Assess
      expect(aAnswer.status).toBe(200);
      // A retailer without a sourcing profile has the default one, in any account: the same
      // ref may answer, with B's own record, never with A's.
      if (response.status === 200) expect(response.body).not.toEqual(aAnswer.body);
      else expect(response.status).toBe(404);
    });
  }

  it("ignores A's account id forged into the body", async () => {
    // Prepare
    const aimed = aimAt(route, a, 'AT_TARGET', { retailerId: RETAILER });
    const body = aimed.body && typeof aimed.body === 'object' ? { ...aimed.body, accountId: a.accountId } : { accountId: a.accountId };
    const request = { ...aimed, body, apiKey: bKey };
    counter.reset();

    // Act
    const response = await callRoute(handler, route, request);

    // Assess
    expect(response.status).toBeLessThan(500);
    expect(leakedMarkers(response.raw ?? '', request, [...a.markers, ...a.accountMarkers])).toEqual([]);
    expect(counter.writesTo(aTable)).toBe(0);
  });
});

describe('keys and senders that open nothing', () => {
  const accountRoutes = ROUTES.filter((route) => loadRouteHandler(route).route.access === 'account');

  /** `METHOD /path status code?` of every account route called with this key, aimed at A. */
  const answersTo = (apiKey: string) =>
    Promise.all(
      accountRoutes.map(async (route) => {
        const response = await callRoute(loadRouteHandler(route), route, { ...aimAt(route, a, 'AT_TARGET', { retailerId: RETAILER }), apiKey });
        return `${route.name} ${response.status} ${response.body.error?.code ?? ''}`.trim();
      }),
    );

  it('answers a revoked key with 401 on every account route, writing nothing', async () => {
    // Prepare
    const { accountId, apiKey } = await newAccount('revoked');
    const spare = await api.createApiKey(apiKey, { role: 'ADMIN' });
    await api.revokeApiKey(apiKey, spare.body.keyId);
    counter.reset();

    // Act
    const answers = await answersTo(spare.body.apiKey);

    // Assess
    expect(answers).toEqual(accountRoutes.map((route) => `${route.name} 401 UNAUTHENTICATED`));
    expect(counter.writesTo(accountTableName('sandbox', accountId))).toBe(0);
    expect(counter.writesTo(aTable)).toBe(0);
  });

  it('answers an expired key with 401 on every account route, writing nothing', async () => {
    // Prepare
    const { accountId, apiKey } = await newAccount('expired');
    const expiring = await api.createApiKey(apiKey, { role: 'ADMIN', expiresOn: new Date(Date.now() + 1_000).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    counter.reset();

    // Act
    const answers = await answersTo(expiring.body.apiKey);

    // Assess
    expect(answers).toEqual(accountRoutes.map((route) => `${route.name} 401 UNAUTHENTICATED`));
    expect(counter.writesTo(accountTableName('sandbox', accountId))).toBe(0);
  });

  it('answers every key of a suspended account with 403 ACCOUNT_SUSPENDED on every account route, writing nothing', async () => {
    // Prepare
    const { accountId, apiKey } = await newAccount('suspended');
    expect((await api.updateAccount(accountId, { status: 'SUSPENDED' })).status).toBe(200);
    counter.reset();

    // Act
    const answers = await answersTo(apiKey);

    // Assess
    expect(answers).toEqual(accountRoutes.map((route) => `${route.name} 403 ACCOUNT_SUSPENDED`));
    expect(counter.writesTo(accountTableName('sandbox', accountId))).toBe(0);
  });

  it("drops a bus event through A's registered source put on the bus by another AWS account, writing nothing to A", async () => {
    // Prepare
    const source = a.path.source as string;
    const detail = { id: `bus-${a.eventId}`, name: 'CREATE', retailerId: RETAILER, entityType: 'ORDER', entitySubtype: 'HD', entityRef: `BUS-${a.orderRef}` };
    counter.reset();

    // Act
    const result = await ingestBusEvent(busEvent(source, '999999999999', detail), lambdaContext('ingestBusEvent'));

    // Assess
    expect(result).toMatchObject({ accepted: false, reason: 'WRONG_AWS_ACCOUNT' });
    expect(counter.writesTo(aTable)).toBe(0);
  });
});
