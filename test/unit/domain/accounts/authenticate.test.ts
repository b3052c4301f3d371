import { hashSecret, issueApiKey } from '../../../../shared/domain/accounts/api-key';
import { authenticateApiKey, requirePermission, type AuthenticationDeps } from '../../../../shared/domain/accounts/authenticate';
import type { AccountPrincipal } from '../../../../shared/domain/accounts/principal';
import { builtInPermissions } from '../../../../shared/domain/accounts/roles';
import { AccountSuspendedError, ForbiddenError, UnauthenticatedError } from '../../../../shared/domain/domain-errors';
import { seedAccount, seedApiKey } from '../../../support/api-keys';
import { ManualClock } from '../../../support/clock';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';
import { accountPrincipal } from '../../../support/principals';
import { InMemoryRoleStore } from '../../../support/roles';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const minutesFromNow = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();

const principalFor = (role: AccountPrincipal['role']): AccountPrincipal => accountPrincipal({ role, keyId: '0123456789abcdef' });

describe('authenticateApiKey', () => {
  let controlPlane: InMemoryControlPlaneStore;
  let roles: InMemoryRoleStore;
  let clock: ManualClock;
  let deps: AuthenticationDeps;

  beforeEach(() => {
    controlPlane = new InMemoryControlPlaneStore();
    roles = new InMemoryRoleStore();
    clock = new ManualClock(NOW);
    deps = { controlPlane, roles, clock, stage: 'unit' };
  });

  it('returns the principal of the account that owns an active key', async () => {
    // Prepare
    const { keyId, apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'INTEGRATION', retailerId: 'r-1' });

    // Act
    const principal = await authenticateApiKey(apiKey, deps);

    // Assess
    expect(principal).toEqual({
      kind: 'account',
      accountId: 'acme',
      keyId,
      role: 'INTEGRATION',
      permissions: builtInPermissions('INTEGRATION'),
      retailerId: 'r-1',
      tableName: 'ordo-unit-acct-acme',
    });
  });

  it("gives a key of a custom role the permissions the role holds at the time of the request", async () => {
    // Prepare
    roles.seed('acme', 'auditor', ['ORDER_READ']);
    const { apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'auditor' });
    roles.roles.clear();
    roles.seed('acme', 'auditor', ['ORDER_READ', 'EVENT_READ']);

    // Act
    const principal = await authenticateApiKey(apiKey, deps);

    // Assess
    expect([...principal.permissions].sort()).toEqual(['EVENT_READ', 'ORDER_READ']);
  });

  it('gives a key whose custom role does not exist no permission at all', async () => {
    // Prepare
    const { apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'vanished' });

    // Act
    const principal = await authenticateApiKey(apiKey, deps);

    // Assess
    expect(principal.permissions.size).toBe(0);
  });

  it("never reads another account's role of the same name", async () => {
    // Prepare
    roles.seed('globex', 'auditor', ['ORDER_READ']);
    const { apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'auditor' });

    // Act
    const principal = await authenticateApiKey(apiKey, deps);

    // Assess
    expect(principal.permissions.size).toBe(0);
  });

  it('derives the table name from the stage and the key owner account', async () => {
    // Prepare
    const { apiKey } = await seedApiKey(controlPlane, { accountId: 'globex-7', role: 'READONLY' });

    // Act
    const principal = await authenticateApiKey(apiKey, { ...deps, stage: 'prod' });

    // Assess
    expect(principal.tableName).toBe('ordo-prod-acct-globex-7');
  });

  it('rejects a missing key with UnauthenticatedError', async () => {
    // Act
    const attempt = authenticateApiKey(undefined, deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects an empty key with UnauthenticatedError', async () => {
    // Act
    const attempt = authenticateApiKey('', deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects a garbled key with UnauthenticatedError without reading the store', async () => {
    // Act
    const attempt = authenticateApiKey('ordo_not-a-real-key', deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(controlPlane.apiKeyReads).toEqual([]);
  });

  it('rejects a well-formed key that was never stored with UnauthenticatedError', async () => {
    // Prepare
    const { apiKey } = issueApiKey();

    // Act
    const attempt = authenticateApiKey(apiKey, deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects a revoked key with UnauthenticatedError', async () => {
    // Prepare
    const { keyId, apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });
    await controlPlane.revokeApiKey('acme', keyId, '2025-02-01T00:00:00.000Z');

    // Act
    const attempt = authenticateApiKey(apiKey, deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects a known key id presented with the wrong secret', async () => {
    // Prepare
    const { keyId } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });
    const forged = `ordo_${keyId}_${'A'.repeat(43)}`;

    // Act
    const attempt = authenticateApiKey(forged, deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(controlPlane.apiKeyReads).toEqual([keyId]);
  });

  it('rejects a key whose stored hash belongs to a different secret', async () => {
    // Prepare
    const { keyId, apiKey } = issueApiKey();
    await controlPlane.putApiKey({
      keyId,
      accountId: 'acme',
      role: 'ADMIN',
      secretHash: hashSecret('some-other-secret'),
      status: 'ACTIVE',
      createdOn: '2025-01-01T00:00:00.000Z',
    });

    // Act
    const attempt = authenticateApiKey(apiKey, deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects a key whose expiry has passed with UnauthenticatedError', async () => {
    // Prepare
    const { apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN', expiresOn: minutesFromNow(-1) });

    // Act
    const attempt = authenticateApiKey(apiKey, deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects a key from the very instant it expires', async () => {
    // Prepare
    const { apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN', expiresOn: NOW.toISOString() });

    // Act
    const attempt = authenticateApiKey(apiKey, deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('accepts a key until it expires', async () => {
    // Prepare
    const { keyId, apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN', expiresOn: minutesFromNow(1) });

    // Act
    const principal = await authenticateApiKey(apiKey, deps);

    // Assess
    expect(principal.keyId).toBe(keyId);
  });

  it('records when a key never used before was used', async () => {
    // Prepare
    const { keyId, apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });

    // Act
    await authenticateApiKey(apiKey, deps);

    // Assess
    expect((await controlPlane.getApiKey(keyId))?.lastUsedOn).toBe(NOW.toISOString());
  });

  it('writes lastUsedOn no more than once a minute', async () => {
    // Prepare
    const lastUsedOn = minutesFromNow(-0.5);
    const { keyId, apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN', lastUsedOn });
    const recordUse = jest.spyOn(controlPlane, 'recordApiKeyUse');

    // Act
    await authenticateApiKey(apiKey, deps);

    // Assess
    expect(recordUse).not.toHaveBeenCalled();
    expect((await controlPlane.getApiKey(keyId))?.lastUsedOn).toBe(lastUsedOn);
  });

  it('writes lastUsedOn again once a minute has passed', async () => {
    // Prepare
    const { keyId, apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN', lastUsedOn: minutesFromNow(-1) });

    // Act
    await authenticateApiKey(apiKey, deps);

    // Assess
    expect((await controlPlane.getApiKey(keyId))?.lastUsedOn).toBe(NOW.toISOString());
  });

  it('authenticates the key when lastUsedOn cannot be written, and reports the failure', async () => {
    // Prepare
    const { keyId, apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });
    controlPlane.recordUseFailure = new Error('ProvisionedThroughputExceededException');
    const reported: unknown[] = [];

    // Act
    const principal = await authenticateApiKey(apiKey, { ...deps, onUseNotRecorded: (error) => reported.push(error) });

    // Assess
    expect(principal.keyId).toBe(keyId);
    expect(reported).toEqual([controlPlane.recordUseFailure]);
  });

  it('records no use of a key it refuses', async () => {
    // Prepare
    const { keyId, apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN', expiresOn: minutesFromNow(-1) });

    // Act
    await authenticateApiKey(apiKey, deps).catch(() => undefined);

    // Assess
    expect((await controlPlane.getApiKey(keyId))?.lastUsedOn).toBeUndefined();
  });

  it('refuses every key of a suspended account with ACCOUNT_SUSPENDED', async () => {
    // Prepare
    seedAccount(controlPlane, 'acme', 'SUSPENDED');
    const { apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });

    // Act
    const attempt = authenticateApiKey(apiKey, deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(AccountSuspendedError);
    await expect(attempt).rejects.toMatchObject({ code: 'ACCOUNT_SUSPENDED' });
  });

  it('does not count a refused key of a suspended account as used', async () => {
    // Prepare
    seedAccount(controlPlane, 'acme', 'SUSPENDED');
    const { keyId, apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });

    // Act
    await authenticateApiKey(apiKey, deps).catch(() => undefined);

    // Assess
    expect((await controlPlane.getApiKey(keyId))?.lastUsedOn).toBeUndefined();
  });

  it('accepts the keys of a suspended account again from the request after its reactivation', async () => {
    // Prepare
    seedAccount(controlPlane, 'acme', 'SUSPENDED');
    const { apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });
    await expect(authenticateApiKey(apiKey, deps)).rejects.toBeInstanceOf(AccountSuspendedError);
    await controlPlane.setAccountStatus('acme', 'ACTIVE', NOW.toISOString());

    // Act
    const principal = await authenticateApiKey(apiKey, deps);

    // Assess
    expect(principal.accountId).toBe('acme');
  });

  it('still answers 401, not ACCOUNT_SUSPENDED, to a wrong secret for a key of a suspended account', async () => {
    // Prepare
    seedAccount(controlPlane, 'acme', 'SUSPENDED');
    const { keyId } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });

    // Act
    const attempt = authenticateApiKey(`ordo_${keyId}_${'A'.repeat(43)}`, deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects a key whose account does not exist with UnauthenticatedError', async () => {
    // Prepare
    const { apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });
    controlPlane.accounts.clear();

    // Act
    const attempt = authenticateApiKey(apiKey, deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('gives the same answer for an unknown key and a revoked one, so keys cannot be probed', async () => {
    // Prepare
    const { keyId, apiKey: revokedKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });
    await controlPlane.revokeApiKey('acme', keyId, '2025-02-01T00:00:00.000Z');
    const { apiKey: unknownKey } = issueApiKey();

    // Act
    const [revoked, unknown] = await Promise.allSettled([
      authenticateApiKey(revokedKey, deps),
      authenticateApiKey(unknownKey, deps),
    ]);

    // Assess
    expect(revoked.status).toBe('rejected');
    expect(unknown.status).toBe('rejected');
    expect((revoked as PromiseRejectedResult).reason.message).toBe((unknown as PromiseRejectedResult).reason.message);
  });
});

describe('requirePermission', () => {
  it('refuses API_KEY_CREATE to a READONLY principal with ForbiddenError', () => {
    // Prepare
    const principal = principalFor('READONLY');

    // Act
    const check = () => requirePermission(principal, 'API_KEY_CREATE');

    // Assess
    expect(check).toThrow(ForbiddenError);
  });

  it('names the role and the missing permission when it refuses', () => {
    // Prepare
    const principal = principalFor('READONLY');

    // Act
    const check = () => requirePermission(principal, 'API_KEY_CREATE');

    // Assess
    expect(check).toThrow(/READONLY.*API_KEY_CREATE/);
  });

  it('lets an INTEGRATION principal create events', () => {
    // Prepare
    const principal = principalFor('INTEGRATION');

    // Act
    const check = () => requirePermission(principal, 'EVENT_CREATE');

    // Assess
    expect(check).not.toThrow();
  });

  it('lets a custom-role principal do what its permissions allow', () => {
    // Prepare
    const principal = accountPrincipal({ role: 'auditor', permissions: new Set(['EVENT_READ']) });

    // Act
    const check = () => requirePermission(principal, 'EVENT_READ');

    // Assess
    expect(check).not.toThrow();
  });

  it('refuses a custom-role principal what its permissions leave out, naming the role', () => {
    // Prepare
    const principal = accountPrincipal({ role: 'auditor', permissions: new Set(['EVENT_READ']) });

    // Act
    const check = () => requirePermission(principal, 'EVENT_CREATE');

    // Assess
    expect(check).toThrow(/auditor.*EVENT_CREATE/);
  });

  it('lets an ADMIN principal delete API keys', () => {
    // Prepare
    const principal = principalFor('ADMIN');

    // Act
    const check = () => requirePermission(principal, 'API_KEY_DELETE');

    // Assess
    expect(check).not.toThrow();
  });
});
