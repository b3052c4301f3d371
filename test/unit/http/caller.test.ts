import { accountCaller, requireOperator } from '../../../shared/http/caller';
import { logger } from '../../../shared/runtime/logger';
import { ForbiddenError, UnauthenticatedError } from '../../../shared/domain/domain-errors';
import { seedApiKey } from '../../support/api-keys';
import { fakeDependencies, OPERATOR_KEY, type FakeDependencies } from '../../support/dependencies';
import { apiGatewayEvent, bearer } from '../../support/lambda';

describe('accountCaller', () => {
  let deps: FakeDependencies;

  beforeEach(() => {
    deps = fakeDependencies();
  });

  it('returns the principal behind the bearer token', async () => {
    // Prepare
    const { keyId, apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'READONLY' });

    // Act
    const principal = await accountCaller(apiGatewayEvent({ headers: bearer(apiKey) }), 'ACCOUNT_READ', deps);

    // Assess
    expect(principal).toMatchObject({ accountId: 'acme', keyId, role: 'READONLY' });
  });

  it('scopes the principal to the account table of the configured stage', async () => {
    // Prepare
    deps = fakeDependencies({ stage: 'eu-prod' });
    const { apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'READONLY' });

    // Act
    const principal = await accountCaller(apiGatewayEvent({ headers: bearer(apiKey) }), 'ACCOUNT_READ', deps);

    // Assess
    expect(principal.tableName).toBe('ordo-eu-prod-acct-acme');
  });

  it.each([
    ['a lower-case header name and scheme', (key: string) => ({ authorization: `bearer ${key}` })],
    ['an upper-case header name', (key: string) => ({ AUTHORIZATION: `Bearer ${key}` })],
    ['extra spaces around the token', (key: string) => ({ Authorization: `Bearer   ${key}  ` })],
  ])('accepts the bearer token with %s', async (_label, headers) => {
    // Prepare
    const { apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN' });

    // Act
    const principal = await accountCaller(apiGatewayEvent({ headers: headers(apiKey) }), 'ACCOUNT_READ', deps);

    // Assess
    expect(principal.accountId).toBe('acme');
  });

  it.each([
    ['no Authorization header', () => ({})],
    ['another scheme', (key: string) => ({ Authorization: `Basic ${key}` })],
    ['the bare key without a scheme', (key: string) => ({ Authorization: key })],
    ['two tokens', (key: string) => ({ Authorization: `Bearer ${key} ${key}` })],
  ])('rejects a request with %s as unauthenticated', async (_label, headers) => {
    // Prepare
    const { apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN' });

    // Act
    const attempt = accountCaller(apiGatewayEvent({ headers: headers(apiKey) }), 'ACCOUNT_READ', deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects a request whose headers are null as unauthenticated', async () => {
    // Prepare
    const event = { ...apiGatewayEvent(), headers: null as unknown as Record<string, string> };

    // Act
    const attempt = accountCaller(event, 'ACCOUNT_READ', deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses a valid key whose role lacks the permission with ForbiddenError', async () => {
    // Prepare
    const { apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'INTEGRATION' });

    // Act
    const attempt = accountCaller(apiGatewayEvent({ headers: bearer(apiKey) }), 'API_KEY_CREATE', deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lets the request through when lastUsedOn cannot be written, with a warning that shows no key', async () => {
    // Prepare
    const { apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN' });
    deps.controlPlane.recordUseFailure = new Error('ProvisionedThroughputExceededException');
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);

    // Act
    const principal = await accountCaller(apiGatewayEvent({ headers: bearer(apiKey) }), 'ACCOUNT_READ', deps);

    // Assess
    expect(principal.accountId).toBe('acme');
    expect(warn).toHaveBeenCalledTimes(1);
    // The secret is base64url and may itself hold "_": everything after the key id is the secret.
    const secret = /^ordo_[0-9a-f]{16}_(.+)$/.exec(apiKey)?.[1] ?? '';
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(secret);
    warn.mockRestore();
  });

  it('does not accept the operator key as an account key', async () => {
    // Act
    const attempt = accountCaller(apiGatewayEvent({ headers: bearer(OPERATOR_KEY) }), 'ACCOUNT_READ', deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe('requireOperator', () => {
  it('lets the operator key through', () => {
    // Prepare
    const deps = fakeDependencies();

    // Act
    const check = () => requireOperator(apiGatewayEvent({ headers: bearer(OPERATOR_KEY) }), deps.settings.operatorKeyHash);

    // Assess
    expect(check).not.toThrow();
  });

  it('refuses an account ADMIN key with UnauthenticatedError', async () => {
    // Prepare
    const deps = fakeDependencies();
    const { apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN' });

    // Act
    const check = () => requireOperator(apiGatewayEvent({ headers: bearer(apiKey) }), deps.settings.operatorKeyHash);

    // Assess
    expect(check).toThrow(UnauthenticatedError);
  });

  it('refuses a key that only starts like the operator key', () => {
    // Prepare
    const deps = fakeDependencies();

    // Act
    const check = () => requireOperator(apiGatewayEvent({ headers: bearer(OPERATOR_KEY.slice(0, -1)) }), deps.settings.operatorKeyHash);

    // Assess
    expect(check).toThrow(UnauthenticatedError);
  });

  it('refuses a request without a token', () => {
    // Prepare
    const deps = fakeDependencies();

    // Act
    const check = () => requireOperator(apiGatewayEvent(), deps.settings.operatorKeyHash);

    // Assess
    expect(check).toThrow(UnauthenticatedError);
  });

  it('refuses every token when no operator key is configured', () => {
    // Prepare
    const deps = fakeDependencies({ operatorKeyHash: '' });

    // Act
    const checks = ['', 'anything', OPERATOR_KEY].map(
      (token) => () => requireOperator(apiGatewayEvent({ headers: { Authorization: `Bearer ${token}` } }), deps.settings.operatorKeyHash),
    );

    // Assess
    for (const check of checks) expect(check).toThrow(UnauthenticatedError);
  });
});
