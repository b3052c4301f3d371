import { handler as createAccountRoute } from '../../../functions/accounts/create-account';
import { handler as getAccountRoute } from '../../../functions/accounts/get-account';
import { handler as updateAccountRoute } from '../../../functions/accounts/update-account';
import { logger } from '../../../shared/runtime/logger';
import { seedApiKey } from '../../support/api-keys';
import { fakeDependencies, OPERATOR_KEY, type FakeDependencies } from '../../support/dependencies';
import { apiGatewayEvent, bearer, jsonBody, lambdaContext } from '../../support/lambda';

// The routes run over in-memory fakes instead of the real DynamoDB clients, with the fakes' settings.
let deps: FakeDependencies = fakeDependencies();
const operatorParts = () => ({ operatorKeyHash: async () => deps.settings.operatorKeyHash, maxBodyBytes: deps.settings.maxBodyBytes });
const createAccount = (...call: Parameters<typeof createAccountRoute>) =>
  createAccountRoute.with({ ...operatorParts(), context: () => ({ ...deps, region: deps.settings.region }) })(...call);
const updateAccount = (...call: Parameters<typeof updateAccountRoute>) =>
  updateAccountRoute.with({ ...operatorParts(), context: () => ({ ...deps, region: deps.settings.region }) })(...call);
const getAccount = (...call: Parameters<typeof getAccountRoute>) =>
  getAccountRoute.with({ context: () => deps, authentication: deps })(...call);

interface ErrorBody {
  error: { code: string; message: string; field?: string };
  requestId: string;
}

interface CreatedAccountBody {
  accountId: string;
  environment: string;
  tableName: string;
  keyId: string;
  apiKey: string;
}

const postAccount = (body: unknown, headers: Record<string, string> = bearer(OPERATOR_KEY)) =>
  createAccount(apiGatewayEvent({ method: 'POST', resource: '/accounts', headers, body }), lambdaContext());

const patchAccount = (accountId: string, body: unknown, headers: Record<string, string> = bearer(OPERATOR_KEY)) =>
  updateAccount(
    apiGatewayEvent({ method: 'PATCH', resource: '/v1/accounts/{accountId}', pathParameters: { accountId }, headers, body }),
    lambdaContext(),
  );

const getOwnAccount = (headers: Record<string, string>) =>
  getAccount(apiGatewayEvent({ method: 'GET', resource: '/account', headers }), lambdaContext());

describe('the account handlers', () => {
  beforeEach(() => {
    deps = fakeDependencies();
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('POST /accounts', () => {
    it('creates the account for the operator and answers 201 with its first API key', async () => {
      // Act
      const response = await postAccount({ accountId: 'acme', name: 'Acme' });

      // Assess
      expect(response.statusCode).toBe(201);
      expect(jsonBody<CreatedAccountBody>(response)).toMatchObject({
        accountId: 'acme',
        tableName: `ordo-${deps.settings.stage}-acct-acme`,
      });
    });

    it('returns a key that reads the new account as its ADMIN', async () => {
      // Prepare
      const { apiKey } = jsonBody<CreatedAccountBody>(await postAccount({ accountId: 'acme', name: 'Acme' }));

      // Act
      const response = await getOwnAccount(bearer(apiKey));

      // Assess
      expect(response.statusCode).toBe(200);
      expect(jsonBody(response)).toMatchObject({ accountId: 'acme', name: 'Acme', role: 'ADMIN' });
    });

    it("records the stack's region as the account's home region, which the account reads back", async () => {
      // Prepare
      const createInRegion = createAccountRoute.with({ ...operatorParts(), context: () => ({ ...deps, region: 'eu-west-1' }) });
      const created = await createInRegion(
        apiGatewayEvent({ method: 'POST', resource: '/accounts', headers: bearer(OPERATOR_KEY), body: { accountId: 'acme' } }),
        lambdaContext(),
      );

      // Act
      const response = await getOwnAccount(bearer(jsonBody<CreatedAccountBody>(created).apiKey));

      // Assess
      expect(jsonBody(response)).toMatchObject({ accountId: 'acme', homeRegion: 'eu-west-1' });
    });

    it('refuses an account ADMIN key with 401, since only the operator creates accounts', async () => {
      // Prepare
      const { apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN' });

      // Act
      const response = await postAccount({ accountId: 'globex' }, bearer(apiKey));

      // Assess
      expect(response.statusCode).toBe(401);
      expect(deps.controlPlane.accounts.has('globex')).toBe(false);
    });

    it('refuses every caller with 401 when no operator key is configured', async () => {
      // Prepare
      deps.settings.operatorKeyHash = '';

      // Act
      const response = await postAccount({ accountId: 'acme' }, bearer(OPERATOR_KEY));

      // Assess
      expect(response.statusCode).toBe(401);
    });

    it('checks the operator key before it reads the body', async () => {
      // Act
      const response = await postAccount('not json', {});

      // Assess
      expect(response.statusCode).toBe(401);
    });

    it('answers an invalid account id with 400 naming accountId', async () => {
      // Act
      const response = await postAccount({ accountId: 'Not Valid!' });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(jsonBody<ErrorBody>(response).error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'accountId' });
    });

    it('answers a missing account id with 400 saying accountId is required', async () => {
      // Act
      const response = await postAccount({ name: 'Acme' });

      // Assess
      expect(jsonBody<ErrorBody>(response).error).toMatchObject({ field: 'accountId', message: 'accountId is required' });
    });

    it('answers a body that is not JSON with 400 naming body', async () => {
      // Act
      const response = await postAccount('{"accountId": ');

      // Assess
      expect(response.statusCode).toBe(400);
      expect(jsonBody<ErrorBody>(response).error.field).toBe('body');
    });

    it('answers a body over the configured limit with 413', async () => {
      // Prepare
      deps.settings.maxBodyBytes = 64;

      // Act
      const response = await postAccount({ accountId: 'acme', name: 'A'.repeat(100) });

      // Assess
      expect(response.statusCode).toBe(413);
      expect(jsonBody<ErrorBody>(response).error.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('answers a taken account id with 409 naming accountId', async () => {
      // Prepare
      await postAccount({ accountId: 'acme' });

      // Act
      const response = await postAccount({ accountId: 'acme' });

      // Assess
      expect(response.statusCode).toBe(409);
      expect(jsonBody<ErrorBody>(response).error).toMatchObject({ code: 'CONFLICT', field: 'accountId' });
    });

    it('answers 500 without the cause when provisioning fails unexpectedly', async () => {
      // Prepare
      deps.tables.failure = new Error('AccessDenied for arn:aws:iam::123456789012:role/secret-token');

      // Act
      const response = await postAccount({ accountId: 'acme' });

      // Assess
      expect(response.statusCode).toBe(500);
      expect(jsonBody<ErrorBody>(response).error.code).toBe('INTERNAL_ERROR');
      expect(response.body).not.toContain('secret-token');
    });
  });

  describe('GET /account', () => {
    it('answers 401 without an API key', async () => {
      // Act
      const response = await getOwnAccount({});

      // Assess
      expect(response.statusCode).toBe(401);
      expect(jsonBody<ErrorBody>(response).error.code).toBe('UNAUTHENTICATED');
    });

    it('answers 401 for the operator key, which holds no account', async () => {
      // Act
      const response = await getOwnAccount(bearer(OPERATOR_KEY));

      // Assess
      expect(response.statusCode).toBe(401);
    });

    it('lets a READONLY key read its account, and only its own', async () => {
      // Prepare
      await postAccount({ accountId: 'acme', name: 'Acme' });
      await postAccount({ accountId: 'globex', name: 'Globex' });
      const { keyId, apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'globex', role: 'READONLY' });

      // Act
      const response = await getOwnAccount(bearer(apiKey));

      // Assess
      expect(response.statusCode).toBe(200);
      expect(jsonBody(response)).toMatchObject({ accountId: 'globex', name: 'Globex', role: 'READONLY', keyId });
    });

    it("tells a key its retailer scope and what its role grants, without CUSTOMER_READ for READONLY", async () => {
      // Prepare
      await postAccount({ accountId: 'acme', name: 'Acme' });
      const { apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'READONLY', retailerId: 'r1' });

      // Act
      const response = await getOwnAccount(bearer(apiKey));

      // Assess
      const body = jsonBody<{ retailerId?: string; permissions: string[] }>(response);
      expect(body.retailerId).toBe('r1');
      expect(body.permissions).toContain('ORDER_READ');
      expect(body.permissions).not.toContain('CUSTOMER_READ');
    });

    it('answers 404 when the account table holds no profile', async () => {
      // Prepare
      const { apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'ghost', role: 'ADMIN' });

      // Act
      const response = await getOwnAccount(bearer(apiKey));

      // Assess
      expect(response.statusCode).toBe(404);
    });
  });

  describe('PATCH /v1/accounts/{accountId}', () => {
    it('suspends an account for the operator and answers 200 with the account', async () => {
      // Prepare
      await postAccount({ accountId: 'acme' });

      // Act
      const response = await patchAccount('acme', { status: 'SUSPENDED' });

      // Assess
      expect(response.statusCode).toBe(200);
      expect(jsonBody(response)).toMatchObject({ accountId: 'acme', status: 'SUSPENDED' });
    });

    it("answers the account's own keys with 403 ACCOUNT_SUSPENDED once it is suspended", async () => {
      // Prepare
      const { apiKey } = jsonBody<CreatedAccountBody>(await postAccount({ accountId: 'acme' }));
      await patchAccount('acme', { status: 'SUSPENDED' });

      // Act
      const response = await getOwnAccount(bearer(apiKey));

      // Assess
      expect(response.statusCode).toBe(403);
      expect(jsonBody<ErrorBody>(response).error.code).toBe('ACCOUNT_SUSPENDED');
    });

    it("refuses the account's own ADMIN key with 401: only the operator suspends", async () => {
      // Prepare
      const { apiKey } = jsonBody<CreatedAccountBody>(await postAccount({ accountId: 'acme' }));

      // Act
      const response = await patchAccount('acme', { status: 'SUSPENDED' }, bearer(apiKey));

      // Assess
      expect(response.statusCode).toBe(401);
      expect((await deps.controlPlane.getAccount('acme'))?.status).toBe('ACTIVE');
    });

    it('answers an unknown account with 404', async () => {
      // Act
      const response = await patchAccount('ghost', { status: 'SUSPENDED' });

      // Assess
      expect(response.statusCode).toBe(404);
    });

    it('answers a status other than SUSPENDED or ACTIVE with 400 naming status, and changes nothing', async () => {
      // Prepare
      await postAccount({ accountId: 'acme' });

      // Act
      const response = await patchAccount('acme', { status: 'PROVISIONING' });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(jsonBody<ErrorBody>(response).error.field).toBe('status');
      expect((await deps.controlPlane.getAccount('acme'))?.status).toBe('ACTIVE');
    });

    it('answers an account id that breaks the pattern with 400 naming accountId', async () => {
      // Act
      const response = await patchAccount('Not Valid!', { status: 'SUSPENDED' });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(jsonBody<ErrorBody>(response).error.field).toBe('accountId');
    });
  });
});
