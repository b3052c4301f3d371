import { dynamoDbClient } from '../../shared/composition/dynamodb-clients';
import { accountTableName } from '../../shared/domain/accounts/account';
import { DynamoDbRequestCounter } from '../support/dynamodb-request-counter';
import { loadRouteHandler, routeTable } from '../support/route-table';
import { AIMS, aimAt, leakedMarkers } from './attack/aim';
import { expectRefusedOrOwnView, expectSecurityHeaders } from './attack/expectations';
import { callRoute } from './attack/route-call';
import { seedTenant, type TenantFixtures } from './attack/tenant-fixtures';
import { api, newAccount, scanTable } from './control-plane-api';

/**
 * The account's records in the control plane (keys, event sources, roles) as they stand, less
 * when each key was last used. A refused conditional write sends a request but changes nothing,
 * so the control plane is compared by content rather than by counting requests.
 */
const controlPlaneRecordsOf = async (accountId: string) =>
  JSON.stringify(
    (await scanTable('ordo-sandbox-control'))
      .filter((item) => item.accountId?.S === accountId || item.PK?.S === `ACCOUNT#${accountId}`)
      .map(({ lastUsedOn: _lastUsed, ...item }) => item)
      .sort((x, y) => `${x.PK?.S}${x.SK?.S}`.localeCompare(`${y.PK?.S}${y.SK?.S}`)),
  );

/**
 * Retailer r1's key against retailer r2's records, on every route of serverless.yml: refused
 * (404 where a record would be found, 403 where a write is refused) or, for listings and shared
 * reads, r1's own view; never anything of r2 in the body, and no write.
 */
// Reads first: r1's own writes below (an order with r2's ref, in r1's namespace) would make them find r1's record.
const ROUTES = routeTable().sort((x, y) => Number(x.method !== 'GET') - Number(y.method !== 'GET'));
const counter = new DynamoDbRequestCounter().attach(dynamoDbClient());

let r1Key: string;
let r2: TenantFixtures;
let accountTable: string;
let accountId: string;

beforeAll(async () => {
  const account = await newAccount('rtl-attack');
  const issue = async (retailerId: string) => (await api.createApiKey(account.apiKey, { role: 'ADMIN', retailerId })).body.apiKey as string;
  r1Key = await issue('r1');
  r2 = await seedTenant({ accountId: account.accountId, retailerId: 'r2', ownerKey: await issue('r2'), adminKey: account.apiKey });
  accountTable = accountTableName('sandbox', account.accountId);
  accountId = account.accountId;
}, 60_000);

describe.each(ROUTES.map((route) => [route.name, route] as const))("an r1 key against r2's records: %s", (_name, route) => {
  const handler = loadRouteHandler(route);
  const declaration = handler.route;

  it.each(AIMS)('shows nothing of r2 when aimed %s', async (aim) => {
    // Prepare
    const request = { ...aimAt(route, r2, aim, { retailerId: 'r1' }), apiKey: r1Key };

    // Act
    const response = await callRoute(handler, route, request);

    // Assess
    expect(response.status).toBeLessThan(500);
    expect(leakedMarkers(response.raw ?? '', request, r2.markers)).toEqual([]);
    expectSecurityHeaders(response, route);
  });

  it.each(AIMS.filter((aim) => aim !== 'AT_TARGET_REFS_AS_SENDER'))('is refused, writing nothing, when aimed %s', async (aim) => {
    // Prepare
    const request = { ...aimAt(route, r2, aim, { retailerId: 'r1' }), apiKey: r1Key };
    const controlPlaneBefore = await controlPlaneRecordsOf(accountId);
    counter.reset();

    // Act
    const response = await callRoute(handler, route, request);

    // Assess
    expectRefusedOrOwnView(route, declaration, response);
    expect(counter.writesTo(accountTable)).toBe(0);
    expect(await controlPlaneRecordsOf(accountId)).toEqual(controlPlaneBefore);
  });
});

const ACCOUNT_ROUTES = ROUTES.filter((route) => loadRouteHandler(route).route.access === 'account')
  // Deletions last: they remove what the other checks aim at.
  .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));

describe.each(ACCOUNT_ROUTES.map((route) => [route.name, route] as const))("r2's own key, the same request: %s", (_name, route) => {
  it('is not refused, so the refusals above come from the retailer boundary, not from a bad request', async () => {
    // Prepare
    const handler = loadRouteHandler(route);
    // What belongs to the whole account is changed by a key of the whole account.
    const apiKey = handler.route.access === 'account' && handler.route.scope === 'account' && route.method !== 'GET' ? r2.adminKey : r2.ownerKey;
    const request = { ...aimAt(route, r2, 'AT_TARGET', { retailerId: 'r2' }), apiKey };

    // Act
    const response = await callRoute(handler, route, request);

    // Assess
    expect(`${route.name} answered ${response.status}: ${response.raw}`).not.toMatch(/ answered (401|403|404|5\d\d)/);
    expectSecurityHeaders(response, route);
  });
});
