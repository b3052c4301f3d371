import { handler as listRolesRoute } from '../../../functions/roles/list-roles';
import { handler as putRoleRoute } from '../../../functions/roles/put-role';
import { logger } from '../../../shared/runtime/logger';
import { seedApiKey } from '../../support/api-keys';
import { fakeDependencies, type FakeDependencies } from '../../support/dependencies';
import { apiGatewayEvent, bearer, jsonBody, lambdaContext } from '../../support/lambda';

// The routes run over in-memory fakes instead of the real DynamoDB clients.
let deps: FakeDependencies = fakeDependencies();
const putRole = (...call: Parameters<typeof putRoleRoute>) => putRoleRoute.with({ context: () => deps, authentication: deps })(...call);
const listRoles = (...call: Parameters<typeof listRolesRoute>) =>
  listRolesRoute.with({ context: () => deps, authentication: deps })(...call);

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

interface RoleBody {
  name: string;
  builtIn: boolean;
  permissions: string[];
}

const put = (apiKey: string, name: string, body: unknown) =>
  putRole(
    apiGatewayEvent({ method: 'PUT', resource: '/v1/roles/{name}', pathParameters: { name }, headers: bearer(apiKey), body }),
    lambdaContext(),
  );

const list = (apiKey: string) => listRoles(apiGatewayEvent({ method: 'GET', resource: '/v1/roles', headers: bearer(apiKey) }), lambdaContext());

describe('the role handlers', () => {
  let admin: { keyId: string; apiKey: string };

  beforeEach(async () => {
    deps = fakeDependencies();
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    admin = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN' });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('PUT /v1/roles/{name}', () => {
    it('creates a role and answers 201 with it', async () => {
      // Act
      const response = await put(admin.apiKey, 'auditor', { permissions: ['ORDER_READ'] });

      // Assess
      expect(response.statusCode).toBe(201);
      expect(jsonBody<RoleBody>(response)).toMatchObject({ name: 'auditor', builtIn: false, permissions: ['ORDER_READ'] });
    });

    it('replaces an existing role and answers 200', async () => {
      // Prepare
      await put(admin.apiKey, 'auditor', { permissions: ['ORDER_READ'] });

      // Act
      const response = await put(admin.apiKey, 'auditor', { permissions: ['EVENT_READ'] });

      // Assess
      expect(response.statusCode).toBe(200);
      expect(jsonBody<RoleBody>(response).permissions).toEqual(['EVENT_READ']);
    });

    it('answers a built-in name with 400 naming name, and writes nothing', async () => {
      // Act
      const response = await put(admin.apiKey, 'admin', { permissions: ['ORDER_READ'] });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(jsonBody<ErrorBody>(response).error.field).toBe('name');
      expect(deps.roles.roles.size).toBe(0);
    });

    it('answers an unknown permission with 400 naming it, and writes nothing', async () => {
      // Act
      const response = await put(admin.apiKey, 'auditor', { permissions: ['ORDER_READ', 'GOD_MODE'] });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(jsonBody<ErrorBody>(response).error.field).toBe('permissions[1]');
      expect(deps.roles.roles.size).toBe(0);
    });

    it('refuses a retailer-scoped ADMIN key with 403', async () => {
      // Prepare
      const scoped = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN', retailerId: 'r1' });

      // Act
      const response = await put(scoped.apiKey, 'auditor', { permissions: ['ORDER_READ'] });

      // Assess
      expect(response.statusCode).toBe(403);
      expect(deps.roles.roles.size).toBe(0);
    });

    it('refuses an INTEGRATION key with 403', async () => {
      // Prepare
      const integration = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'INTEGRATION' });

      // Act
      const response = await put(integration.apiKey, 'auditor', { permissions: ['ORDER_READ'] });

      // Assess
      expect(response.statusCode).toBe(403);
    });
  });

  describe('GET /v1/roles', () => {
    it('lists the built-in roles and the custom ones', async () => {
      // Prepare
      await put(admin.apiKey, 'auditor', { permissions: ['ORDER_READ'] });

      // Act
      const response = await list(admin.apiKey);

      // Assess
      expect(response.statusCode).toBe(200);
      const names = jsonBody<{ items: RoleBody[] }>(response).items.map((role) => `${role.name}:${role.builtIn}`);
      expect(names).toEqual(['ADMIN:true', 'INTEGRATION:true', 'READONLY:true', 'auditor:false']);
    });

    it('lets a retailer-scoped ADMIN key read the roles', async () => {
      // Prepare
      const scoped = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN', retailerId: 'r1' });

      // Act
      const response = await list(scoped.apiKey);

      // Assess
      expect(response.statusCode).toBe(200);
    });

    it('refuses a READONLY key with 403', async () => {
      // Prepare
      const readonly = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'READONLY' });

      // Act
      const response = await list(readonly.apiKey);

      // Assess
      expect(response.statusCode).toBe(403);
    });
  });
});
