import { PERMISSIONS } from '../../../shared/domain/accounts/roles';
import { SECURITY_HEADERS } from '../../../shared/http/response';
import { apiGatewayEvent, lambdaContext } from '../../support/api-gateway-event';
import { loadRouteHandler, routeTable } from '../../support/route-table';

const ROUTES = routeTable();

describe('the route table', () => {
  it('lists the routes of serverless.yml, so the checks below are not vacuous', () => {
    // Assess
    expect(ROUTES.map((route) => route.name)).toEqual(expect.arrayContaining(['GET /v1/health', 'GET /v1/orders/{ref}']));
  });

  it.each(ROUTES.map((route) => [route.name, route] as const))('%s declares its access, and an account route its permission and scope', (_name, route) => {
    // Act
    const { route: declaration } = loadRouteHandler(route);

    // Assess
    expect(['public', 'operator', 'account']).toContain(declaration?.access);
    if (declaration.access === 'account') {
      expect(PERMISSIONS).toContain(declaration.permission);
      expect(['account', 'retailer', 'shared']).toContain(declaration.scope);
    }
  });

  it('leaves only the health check and the contract open to callers without a key', () => {
    // Act
    const open = ROUTES.filter((route) => loadRouteHandler(route).route.access === 'public').map((route) => route.name);

    // Assess
    expect(open.sort()).toEqual(['GET /v1/health', 'GET /v1/openapi.json']);
  });

  it('checks every permission that exists on some route', () => {
    // Act
    const declarations = ROUTES.map((route) => loadRouteHandler(route).route);

    // Assess
    const checked = new Set(declarations.flatMap((declaration) => (declaration.access === 'account' ? [declaration.permission] : [])));
    // CUSTOMER_READ is checked inside the order routes, where it unmasks customer data.
    expect(PERMISSIONS.filter((permission) => !checked.has(permission) && permission !== 'CUSTOMER_READ')).toEqual([]);
  });

  it.each(ROUTES.filter((route) => loadRouteHandler(route).route.access !== 'public').map((route) => [route.name, route] as const))(
    '%s answers a caller without a key with 401 and the security headers',
    async (_name, route) => {
      // Prepare
      const handler = loadRouteHandler(route);

      // Act
      const response = await handler(apiGatewayEvent({ method: route.method, resource: route.resource }), lambdaContext());

      // Assess
      expect(response.statusCode).toBe(401);
      expect(response.headers).toMatchObject(SECURITY_HEADERS);
    },
  );
});
