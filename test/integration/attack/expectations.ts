import { CONTRACT_CACHE_CONTROL } from '../../../shared/http/published-contract';
import { SECURITY_HEADERS } from '../../../shared/http/response';
import type { RouteDeclaration } from '../../../shared/http/route-declaration';
import type { RouteEntry } from '../../support/route-table';
import type { RouteResponse } from './route-call';

/** A GET on a collection (no path parameter): it answers with the caller's own items, not a 404. */
export const isListing = (route: RouteEntry): boolean => route.method === 'GET' && !route.resource.includes('{');

/** Reads of what every retailer of the account shares (locations, stock), or of the account itself. */
export const isSharedRead = (route: RouteEntry, declaration: RouteDeclaration): boolean =>
  route.method === 'GET' && declaration.access === 'account' && declaration.scope !== 'retailer';

/** The contract is the one answer caches may keep: it is the same for everyone and holds nothing of any account. */
const CACHEABLE_ROUTES = new Set(['GET /v1/openapi.json']);

export const expectSecurityHeaders = (response: RouteResponse, route: RouteEntry): void => {
  const expected = CACHEABLE_ROUTES.has(route.name) ? { ...SECURITY_HEADERS, 'cache-control': CONTRACT_CACHE_CONTROL } : SECURITY_HEADERS;
  expect(response.headers).toMatchObject(expected);
};

/** Refused, or a listing or shared read that answered with the caller's own view. Never a 5xx. */
export const expectRefusedOrOwnView = (route: RouteEntry, declaration: RouteDeclaration, response: RouteResponse): void => {
  if (response.status < 300 && (isListing(route) || isSharedRead(route, declaration))) return;
  // The route and the status in one string, so a failure names both.
  expect(`${route.name} answered ${response.status}`).toMatch(/ answered (400|401|403|404|409|413|422)$/);
};
