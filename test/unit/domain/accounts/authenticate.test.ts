import { hashSecret, issueApiKey } from '../../../../shared/domain/accounts/api-key';
import { authenticateApiKey, requirePermission } from '../../../../shared/domain/accounts/authenticate';
import type { AccountPrincipal } from '../../../../shared/domain/accounts/principal';
import { ForbiddenError, UnauthenticatedError } from '../../../../shared/domain/errors';
import { seedApiKey } from '../../fakes/api-keys';
import { InMemoryControlPlaneStore } from '../../fakes/control-plane-store';

const STAGE = 'unit';

const principalFor = (role: AccountPrincipal['role']): AccountPrincipal => ({
  kind: 'account',
  accountId: 'acme',
  keyId: '0123456789abcdef',
  role,
  tableName: 'ordo-unit-acct-acme',
});

describe('authenticateApiKey', () => {
  let controlPlane: InMemoryControlPlaneStore;

  beforeEach(() => {
    controlPlane = new InMemoryControlPlaneStore();
  });

  it('returns the principal of the account that owns an active key', async () => {
    // Prepare
    const { keyId, apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'INTEGRATION', retailerId: 'r-1' });

    // Act
    const principal = await authenticateApiKey(apiKey, { controlPlane, stage: STAGE });

    // Assess
    expect(principal).toEqual({
      kind: 'account',
      accountId: 'acme',
      keyId,
      role: 'INTEGRATION',
      retailerId: 'r-1',
      tableName: 'ordo-unit-acct-acme',
    });
  });

  it('derives the table name from the stage and the key owner account', async () => {
    // Prepare
    const { apiKey } = await seedApiKey(controlPlane, { accountId: 'globex-7', role: 'READONLY' });

    // Act
    const principal = await authenticateApiKey(apiKey, { controlPlane, stage: 'prod' });

    // Assess
    expect(principal.tableName).toBe('ordo-prod-acct-globex-7');
  });

  it('rejects a missing key with UnauthenticatedError', async () => {
    // Act
    const attempt = authenticateApiKey(undefined, { controlPlane, stage: STAGE });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects an empty key with UnauthenticatedError', async () => {
    // Act
    const attempt = authenticateApiKey('', { controlPlane, stage: STAGE });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects a garbled key with UnauthenticatedError without reading the store', async () => {
    // Act
    const attempt = authenticateApiKey('ordo_not-a-real-key', { controlPlane, stage: STAGE });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(controlPlane.apiKeyReads).toEqual([]);
  });

  it('rejects a well-formed key that was never stored with UnauthenticatedError', async () => {
    // Prepare
    const { apiKey } = issueApiKey();

    // Act
    const attempt = authenticateApiKey(apiKey, { controlPlane, stage: STAGE });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects a revoked key with UnauthenticatedError', async () => {
    // Prepare
    const { keyId, apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });
    await controlPlane.revokeApiKey('acme', keyId, '2025-02-01T00:00:00.000Z');

    // Act
    const attempt = authenticateApiKey(apiKey, { controlPlane, stage: STAGE });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects a known key id presented with the wrong secret', async () => {
    // Prepare
    const { keyId } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });
    const forged = `ordo_${keyId}_${'A'.repeat(43)}`;

    // Act
    const attempt = authenticateApiKey(forged, { controlPlane, stage: STAGE });

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
    const attempt = authenticateApiKey(apiKey, { controlPlane, stage: STAGE });

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
      authenticateApiKey(revokedKey, { controlPlane, stage: STAGE }),
      authenticateApiKey(unknownKey, { controlPlane, stage: STAGE }),
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

  it('lets an ADMIN principal delete API keys', () => {
    // Prepare
    const principal = principalFor('ADMIN');

    // Act
    const check = () => requirePermission(principal, 'API_KEY_DELETE');

    // Assess
    expect(check).not.toThrow();
  });
});
