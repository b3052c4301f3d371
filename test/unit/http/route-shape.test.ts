import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod';
import { openApiOperation } from '../../support/openapi-operations';
import { loadRouteHandler, routeTable } from '../../support/route-table';

const ROOT = join(__dirname, '..', '..', '..');
const ROUTES = routeTable().map((route) => [route.name, route] as const);

const shapeKeys = (schema: z.ZodType | undefined): string[] => {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape).sort() : [];
};

// Actions that take nothing but their path: the request names everything.
const BODYLESS_WRITES = new Set([
  'POST /v1/events/{eventId}/retry',
  'POST /v1/account/data-keys/rotate',
  'POST /v1/webhooks/{webhookId}/rotate-secret',
  'POST /v1/webhooks/{webhookId}/test',
  'POST /v1/webhooks/{webhookId}/deliveries/{messageId}/retry',
]);

/** What only the route pipeline may do: a handler that does it has authorization logic of its own. */
const AUTHORIZATION_IN_HANDLER =
  /retailerFor|requirePermission|requireOperator|accountCaller|authenticateApiKey|ForbiddenError|UnauthenticatedError|\.permissions\b|principal\.retailerId|principal\.role\b|headers/;

describe('every route of the route table', () => {
  it.each(ROUTES)('%s declares a path schema naming exactly the parameters of its path', (_name, route) => {
    // Prepare
    const parameters = [...route.resource.matchAll(/\{(\w+)\+?\}/g)].map((match) => match[1]).sort();

    // Act
    const { input } = loadRouteHandler(route).route;

    // Assess
    expect(shapeKeys(input.path)).toEqual(parameters);
  });

  it.each(ROUTES)('%s declares a query schema for every query parameter of its contract', (_name, route) => {
    // Prepare
    const contract = openApiOperation(route.method, route.resource);

    // Act
    const { input } = loadRouteHandler(route).route;

    // Assess
    expect(shapeKeys(input.query)).toEqual([...(contract?.query ?? [])].sort());
  });

  it.each(ROUTES.filter(([, route]) => ['POST', 'PUT', 'PATCH'].includes(route.method) && !BODYLESS_WRITES.has(route.name)))(
    '%s declares its body schema',
    (_name, route) => {
      // Act
      const { input } = loadRouteHandler(route).route;

      // Assess
      expect(input.body).toBeDefined();
    },
  );

  it.each(ROUTES)('%s declares a success status its contract lists', (_name, route) => {
    // Prepare
    const contract = openApiOperation(route.method, route.resource);

    // Act
    const { status } = loadRouteHandler(route).route;

    // Assess
    if (status === 'computed') {
      expect(contract?.successStatuses.length).toBeGreaterThan(0);
    } else {
      expect(contract?.successStatuses).toContain(status);
    }
  });

  it.each(ROUTES)('%s has a handler with no authorization logic of its own', (_name, route) => {
    // Act
    const source = readFileSync(join(ROOT, `${route.module}.ts`), 'utf8');

    // Assess
    expect(source).not.toMatch(AUTHORIZATION_IN_HANDLER);
    expect(source).toMatch(/\b(accountRoute|operatorRoute|publicRoute)\(/);
  });
});
