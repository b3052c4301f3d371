import { handler as listEventSourcesRoute } from '../../../functions/event-sources/list-event-sources';
import { handler as registerEventSourceRoute } from '../../../functions/event-sources/register-event-source';
import { handler as releaseEventSourceRoute } from '../../../functions/event-sources/release-event-source';
import { logger } from '../../../shared/runtime/logger';
import { seedApiKey } from '../../support/api-keys';
import { fakeDependencies, type FakeDependencies } from '../../support/dependencies';
import { apiGatewayEvent, bearer, jsonBody, lambdaContext } from '../../support/lambda';

// The routes run over in-memory fakes instead of the real DynamoDB clients.
let deps: FakeDependencies = fakeDependencies();
const registerEventSource = (...call: Parameters<typeof registerEventSourceRoute>) =>
  registerEventSourceRoute.with({ context: () => deps, authentication: deps })(...call);
const listEventSources = (...call: Parameters<typeof listEventSourcesRoute>) =>
  listEventSourcesRoute.with({ context: () => deps, authentication: deps })(...call);
const releaseEventSource = (...call: Parameters<typeof releaseEventSourceRoute>) =>
  releaseEventSourceRoute.with({ context: () => deps, authentication: deps })(...call);

const AWS_ACCOUNT = '123456789012';

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

interface SourcesBody {
  items: { source: string; awsAccountId: string; retailerId?: string; claimedOn: string }[];
}

const register = (apiKey: string, body: unknown) =>
  registerEventSource(apiGatewayEvent({ method: 'POST', resource: '/v1/event-sources', headers: bearer(apiKey), body }), lambdaContext());

const list = (apiKey: string) =>
  listEventSources(apiGatewayEvent({ method: 'GET', resource: '/v1/event-sources', headers: bearer(apiKey) }), lambdaContext());

const release = (apiKey: string, source: string) =>
  releaseEventSource(
    apiGatewayEvent({
      method: 'DELETE',
      resource: '/v1/event-sources/{source}',
      path: `/v1/event-sources/${source}`,
      pathParameters: { source },
      headers: bearer(apiKey),
    }),
    lambdaContext(),
  );

describe('the event source handlers', () => {
  let admin: { apiKey: string };
  let r1Admin: { apiKey: string };
  let r2Admin: { apiKey: string };

  beforeEach(async () => {
    deps = fakeDependencies();
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    admin = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN' });
    r1Admin = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN', retailerId: 'r1' });
    r2Admin = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN', retailerId: 'r2' });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('POST /v1/event-sources', () => {
    it('registers a source with the AWS account that sends its events and answers 201', async () => {
      // Act
      const response = await register(admin.apiKey, { source: 'acme.shop', awsAccountId: AWS_ACCOUNT });

      // Assess
      expect(response.statusCode).toBe(201);
      expect(jsonBody(response)).toEqual({ source: 'acme.shop', accountId: 'acme', awsAccountId: AWS_ACCOUNT, claimedOn: '2025-03-14T09:26:53.000Z' });
    });

    it('refuses a source without an AWS account with 400 naming awsAccountId, registering nothing', async () => {
      // Act
      const response = await register(admin.apiKey, { source: 'acme.shop' });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(jsonBody<ErrorBody>(response).error.field).toBe('awsAccountId');
      expect(deps.eventSources.sources.size).toBe(0);
    });

    it('refuses an AWS account id that is not 12 digits with 400 naming awsAccountId', async () => {
      // Act
      const response = await register(admin.apiKey, { source: 'acme.shop', awsAccountId: '12345' });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(jsonBody<ErrorBody>(response).error.field).toBe('awsAccountId');
      expect(deps.eventSources.sources.size).toBe(0);
    });

    it("binds a source registered by a retailer's key to that retailer", async () => {
      // Act
      const response = await register(r1Admin.apiKey, { source: 'r1.shop', awsAccountId: AWS_ACCOUNT });

      // Assess
      expect(response.statusCode).toBe(201);
      expect(jsonBody(response)).toMatchObject({ source: 'r1.shop', retailerId: 'r1' });
      expect(deps.eventSources.sources.get('r1.shop')?.retailerId).toBe('r1');
    });

    it("refuses a retailer's key binding a source to another retailer with 403", async () => {
      // Act
      const response = await register(r1Admin.apiKey, { source: 'r1.shop', awsAccountId: AWS_ACCOUNT, retailerId: 'r2' });

      // Assess
      expect(response.statusCode).toBe(403);
      expect(deps.eventSources.sources.size).toBe(0);
    });

    it('lets an unscoped key bind a source to a retailer it names', async () => {
      // Act
      const response = await register(admin.apiKey, { source: 'r2.shop', awsAccountId: AWS_ACCOUNT, retailerId: 'r2' });

      // Assess
      expect(response.statusCode).toBe(201);
      expect(deps.eventSources.sources.get('r2.shop')?.retailerId).toBe('r2');
    });

    it("refuses a retailer's key taking over another retailer's source with 409, leaving it bound as it was", async () => {
      // Prepare
      await register(r1Admin.apiKey, { source: 'r1.shop', awsAccountId: AWS_ACCOUNT });

      // Act
      const response = await register(r2Admin.apiKey, { source: 'r1.shop', awsAccountId: '999999999999' });

      // Assess
      expect(response.statusCode).toBe(409);
      expect(deps.eventSources.sources.get('r1.shop')).toMatchObject({ retailerId: 'r1', awsAccountId: AWS_ACCOUNT });
    });

    it("refuses a source another account holds with 409", async () => {
      // Prepare
      const globex = await seedApiKey(deps.controlPlane, { accountId: 'globex', role: 'ADMIN' });
      await register(globex.apiKey, { source: 'shared.shop', awsAccountId: AWS_ACCOUNT });

      // Act
      const response = await register(admin.apiKey, { source: 'shared.shop', awsAccountId: AWS_ACCOUNT });

      // Assess
      expect(response.statusCode).toBe(409);
      expect(deps.eventSources.sources.get('shared.shop')?.accountId).toBe('globex');
    });
  });

  describe('GET /v1/event-sources', () => {
    beforeEach(async () => {
      await register(admin.apiKey, { source: 'acme.erp', awsAccountId: AWS_ACCOUNT });
      await register(r1Admin.apiKey, { source: 'r1.shop', awsAccountId: AWS_ACCOUNT });
      await register(r2Admin.apiKey, { source: 'r2.shop', awsAccountId: AWS_ACCOUNT });
    });

    it('shows an unscoped key every source of the account with its AWS account and retailer', async () => {
      // Act
      const response = await list(admin.apiKey);

      // Assess
      expect(response.statusCode).toBe(200);
      expect(jsonBody<SourcesBody>(response).items.map(({ source, awsAccountId, retailerId }) => [source, awsAccountId, retailerId])).toEqual([
        ['acme.erp', AWS_ACCOUNT, undefined],
        ['r1.shop', AWS_ACCOUNT, 'r1'],
        ['r2.shop', AWS_ACCOUNT, 'r2'],
      ]);
    });

    it("shows a retailer's key only its retailer's sources", async () => {
      // Act
      const response = await list(r1Admin.apiKey);

      // Assess
      expect(jsonBody<SourcesBody>(response).items.map(({ source }) => source)).toEqual(['r1.shop']);
    });
  });

  describe('DELETE /v1/event-sources/{source}', () => {
    beforeEach(async () => {
      await register(admin.apiKey, { source: 'acme.erp', awsAccountId: AWS_ACCOUNT });
      await register(r2Admin.apiKey, { source: 'r2.shop', awsAccountId: AWS_ACCOUNT });
    });

    it("lets a retailer's key release its retailer's source with 204", async () => {
      // Act
      const response = await release(r2Admin.apiKey, 'r2.shop');

      // Assess
      expect(response.statusCode).toBe(204);
      expect(deps.eventSources.sources.has('r2.shop')).toBe(false);
    });

    it("answers a retailer's key 404, not 403, for another retailer's source and keeps it", async () => {
      // Act
      const response = await release(r1Admin.apiKey, 'r2.shop');

      // Assess
      expect(response.statusCode).toBe(404);
      expect(deps.eventSources.sources.has('r2.shop')).toBe(true);
    });

    it("answers a retailer's key 404 for an unbound source of its account and keeps it", async () => {
      // Act
      const response = await release(r1Admin.apiKey, 'acme.erp');

      // Assess
      expect(response.statusCode).toBe(404);
      expect(deps.eventSources.sources.has('acme.erp')).toBe(true);
    });

    it("lets an unscoped key release a retailer's source", async () => {
      // Act
      const response = await release(admin.apiKey, 'r2.shop');

      // Assess
      expect(response.statusCode).toBe(204);
      expect(deps.eventSources.sources.has('r2.shop')).toBe(false);
    });

    it('releases a source whose "/" arrives percent-encoded in the path', async () => {
      // Prepare
      await register(admin.apiKey, { source: 'acme/erp', awsAccountId: AWS_ACCOUNT });

      // Act
      const response = await release(admin.apiKey, 'acme%2Ferp');

      // Assess
      expect(response.statusCode).toBe(204);
      expect(deps.eventSources.sources.has('acme/erp')).toBe(false);
    });

    it('answers a source with a lone "%" with 400 saying source is not valid percent-encoding', async () => {
      // Act
      const response = await release(admin.apiKey, '100%');

      // Assess
      expect(response.statusCode).toBe(400);
      expect(jsonBody<ErrorBody>(response).error).toMatchObject({ field: 'source', message: 'source is not valid percent-encoding' });
    });
  });
});
