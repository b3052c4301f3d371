import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { loadRouteHandler, routeTable } from '../support/route-table';

interface Contract {
  paths: Record<string, Record<string, { responses?: Record<string, { $ref?: string }> }>>;
  components: { responses: Record<string, { headers?: Record<string, unknown> }> };
}

const CONTRACT = load(readFileSync(join(__dirname, '..', '..', 'openapi.yaml'), 'utf8')) as Contract;
const ACCOUNT_ROUTES = routeTable().filter((route) => loadRouteHandler(route).route.access === 'account');

describe('the rate limit in the OpenAPI contract', () => {
  it('finds account routes, so the check below is not vacuous', () => {
    // Assess
    expect(ACCOUNT_ROUTES.length).toBeGreaterThan(10);
  });

  it.each(ACCOUNT_ROUTES.map((route) => [route.name, route] as const))('%s documents the 429 every account route may answer', (_name, route) => {
    // Act
    const responses = CONTRACT.paths[route.resource]?.[route.method.toLowerCase()]?.responses ?? {};

    // Assess
    expect(responses['429']).toEqual({ $ref: '#/components/responses/TooManyRequests' });
  });

  it('tells the caller how long to wait in a Retry-After header', () => {
    // Assess
    expect(Object.keys(CONTRACT.components.responses.TooManyRequests?.headers ?? {})).toEqual(['Retry-After']);
  });
});
