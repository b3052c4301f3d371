import { handler as createApiKeyRoute } from '../../../functions/api-keys/create-api-key';
import { handler as listApiKeysRoute } from '../../../functions/api-keys/list-api-keys';
import { handler as revokeApiKeyRoute } from '../../../functions/api-keys/revoke-api-key';
import type { Role } from '../../../shared/domain/accounts/roles';
import { logger } from '../../../shared/runtime/logger';
import { seedApiKey } from '../../support/api-keys';
import { fakeDependencies, type FakeDependencies } from '../../support/dependencies';
import { apiGatewayEvent, bearer, jsonBody, lambdaContext } from '../../support/lambda';
import { InMemoryRegisteredRetailers } from '../../support/registered-retailers';

// The routes run over in-memory fakes instead of the real DynamoDB clients.
let deps: FakeDependencies = fakeDependencies();
const createApiKey = (...call: Parameters<typeof createApiKeyRoute>) =>
  createApiKeyRoute.with({ context: () => ({ ...deps, retailersOf: () => new InMemoryRegisteredRetailers() }), authentication: deps })(...call);
const listApiKeys = (...call: Parameters<typeof listApiKeysRoute>) =>
  listApiKeysRoute.with({ context: () => deps, authentication: deps })(...call);
const revokeApiKey = (...call: Parameters<typeof revokeApiKeyRoute>) =>
  revokeApiKeyRoute.with({ context: () => ({ ...deps, retailersOf: () => new InMemoryRegisteredRetailers() }), authentication: deps })(...call);

interface ErrorBody {
  error: { code: string; message: string; field?: string };
  requestId: string;
}

interface IssuedKeyBody {
  keyId: string;
  apiKey: string;
  role: Role;
  retailerId?: string;
}

const post = (apiKey: string | undefined, body: unknown) =>
  createApiKey(
    apiGatewayEvent({ method: 'POST', resource: '/api-keys', headers: apiKey ? bearer(apiKey) : {}, body }),
    lambdaContext(),
  );

const list = (apiKey: string) =>
  listApiKeys(apiGatewayEvent({ method: 'GET', resource: '/api-keys', headers: bearer(apiKey) }), lambdaContext());

const revoke = (apiKey: string, keyId: string) =>
  revokeApiKey(
    apiGatewayEvent({
      method: 'DELETE',
      resource: '/api-keys/{keyId}',
      path: `/api-keys/${keyId}`,
      pathParameters: { keyId },
      headers: bearer(apiKey),
    }),
    lambdaContext(),
  );

describe('the API key handlers', () => {
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

  describe('POST /api-keys', () => {
    it('issues a key with the requested role and answers 201', async () => {
      // Act
      const response = await post(admin.apiKey, { role: 'INTEGRATION', retailerId: 'store-9' });

      // Assess
      expect(response.statusCode).toBe(201);
      expect(jsonBody<IssuedKeyBody>(response)).toMatchObject({ role: 'INTEGRATION', retailerId: 'store-9' });
    });

    it('issues a key that works on the next request', async () => {
      // Prepare
      const issued = jsonBody<IssuedKeyBody>(await post(admin.apiKey, { role: 'ADMIN' }));

      // Act
      const response = await list(issued.apiKey);

      // Assess
      expect(response.statusCode).toBe(200);
    });

    it.each<Role>(['READONLY', 'INTEGRATION'])('refuses a %s key with 403', async (role) => {
      // Prepare
      const { apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'acme', role });

      // Act
      const response = await post(apiKey, { role: 'ADMIN' });

      // Assess
      expect(response.statusCode).toBe(403);
      expect(jsonBody<ErrorBody>(response).error.code).toBe('FORBIDDEN');
    });

    it('authenticates before it validates the body, so a caller without a key learns nothing about it', async () => {
      // Act
      const response = await post(undefined, { role: 'NOT_A_ROLE', extra: true });

      // Assess
      expect(response.statusCode).toBe(401);
      expect(response.body).not.toContain('role');
    });

    it('answers an unknown role with 400 naming role', async () => {
      // Act
      const response = await post(admin.apiKey, { role: 'SUPERUSER' });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(jsonBody<ErrorBody>(response).error.field).toBe('role');
    });

    it('answers an unknown field with 400 naming it', async () => {
      // Act
      const response = await post(admin.apiKey, { role: 'READONLY', accountId: 'globex' });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(jsonBody<ErrorBody>(response).error.field).toBe('accountId');
    });
  });

  describe('GET /api-keys', () => {
    it('lists the keys of the caller account without their hashes', async () => {
      // Prepare
      const other = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'READONLY' });
      await seedApiKey(deps.controlPlane, { accountId: 'globex', role: 'ADMIN' });

      // Act
      const response = await list(admin.apiKey);

      // Assess
      expect(response.statusCode).toBe(200);
      const { items } = jsonBody<{ items: { keyId: string }[] }>(response);
      expect(items.map((item) => item.keyId).sort()).toEqual([admin.keyId, other.keyId].sort());
      expect(response.body).not.toContain('secretHash');
    });

    it('refuses an INTEGRATION key with 403', async () => {
      // Prepare
      const { apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'INTEGRATION' });

      // Act
      const response = await list(apiKey);

      // Assess
      expect(response.statusCode).toBe(403);
    });
  });

  describe('DELETE /api-keys/{keyId}', () => {
    it('revokes a key of the caller account and answers 204 with no body', async () => {
      // Prepare
      const target = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'INTEGRATION' });

      // Act
      const response = await revoke(admin.apiKey, target.keyId);

      // Assess
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
    });

    it('makes the revoked key fail with 401 from the next request on', async () => {
      // Prepare
      const target = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN' });
      await revoke(admin.apiKey, target.keyId);

      // Act
      const response = await list(target.apiKey);

      // Assess
      expect(response.statusCode).toBe(401);
    });

    it('answers 404 for a key of another account and leaves that key working', async () => {
      // Prepare
      const foreign = await seedApiKey(deps.controlPlane, { accountId: 'globex', role: 'ADMIN' });

      // Act
      const response = await revoke(admin.apiKey, foreign.keyId);

      // Assess
      expect(response.statusCode).toBe(404);
      expect((await list(foreign.apiKey)).statusCode).toBe(200);
    });

    it('answers 404 for a key id that does not exist', async () => {
      // Act
      const response = await revoke(admin.apiKey, 'ffffffffffffffff');

      // Assess
      expect(response.statusCode).toBe(404);
      expect(jsonBody<ErrorBody>(response).error.code).toBe('NOT_FOUND');
    });

    it('refuses a READONLY key with 403 and revokes nothing', async () => {
      // Prepare
      const readonly = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'READONLY' });

      // Act
      const response = await revoke(readonly.apiKey, admin.keyId);

      // Assess
      expect(response.statusCode).toBe(403);
      expect((await deps.controlPlane.getApiKey(admin.keyId))?.status).toBe('ACTIVE');
    });
  });
});
