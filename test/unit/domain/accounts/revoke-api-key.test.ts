import { authenticateApiKey } from '../../../../shared/domain/accounts/authenticate';
import type { AccountPrincipal } from '../../../../shared/domain/accounts/principal';
import { revokeAccountApiKey } from '../../../../shared/domain/accounts/revoke-api-key';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../../../shared/domain/domain-errors';
import { seedApiKey } from '../../../support/api-keys';
import { accountPrincipal } from '../../../support/principals';
import { InMemoryRoleStore } from '../../../support/roles';
import { ManualClock } from '../../../support/clock';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';

const adminOf = (accountId: string, retailerId?: string): AccountPrincipal => accountPrincipal({ accountId, retailerId });

describe('revokeAccountApiKey', () => {
  const now = new Date('2025-06-01T08:00:00.000Z');
  let controlPlane: InMemoryControlPlaneStore;
  let roles: InMemoryRoleStore;
  let clock: ManualClock;

  beforeEach(() => {
    controlPlane = new InMemoryControlPlaneStore();
    roles = new InMemoryRoleStore();
    clock = new ManualClock(now);
  });

  it('stops a key of the caller account from authenticating', async () => {
    // Prepare
    const { keyId, apiKey } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'INTEGRATION' });

    // Act
    await revokeAccountApiKey({ keyId }, adminOf('acme'), { controlPlane, roles, clock });

    // Assess
    await expect(authenticateApiKey(apiKey, { controlPlane, roles: new InMemoryRoleStore(), clock, stage: 'unit' })).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('records when the key was revoked', async () => {
    // Prepare
    const { keyId } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'INTEGRATION' });

    // Act
    await revokeAccountApiKey({ keyId }, adminOf('acme'), { controlPlane, roles, clock });

    // Assess
    expect(await controlPlane.getApiKey(keyId)).toMatchObject({ status: 'REVOKED', revokedOn: now.toISOString() });
  });

  it('throws NotFoundError for a key of another account', async () => {
    // Prepare
    const { keyId } = await seedApiKey(controlPlane, { accountId: 'globex', role: 'ADMIN' });

    // Act
    const attempt = revokeAccountApiKey({ keyId }, adminOf('acme'), { controlPlane, roles, clock });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });

  it('leaves another account key working after a refused revocation', async () => {
    // Prepare
    const { keyId, apiKey } = await seedApiKey(controlPlane, { accountId: 'globex', role: 'ADMIN' });

    // Act
    await revokeAccountApiKey({ keyId }, adminOf('acme'), { controlPlane, roles, clock }).catch(() => undefined);

    // Assess
    await expect(authenticateApiKey(apiKey, { controlPlane, roles: new InMemoryRoleStore(), clock, stage: 'unit' })).resolves.toMatchObject({ accountId: 'globex' });
  });

  it('reports a key of another account exactly like a key that does not exist', async () => {
    // Prepare
    const { keyId } = await seedApiKey(controlPlane, { accountId: 'globex', role: 'ADMIN' });
    const missingKeyId = 'ffffffffffffffff';

    // Act
    const [foreign, missing] = await Promise.allSettled([
      revokeAccountApiKey({ keyId }, adminOf('acme'), { controlPlane, roles, clock }),
      revokeAccountApiKey({ keyId: missingKeyId }, adminOf('acme'), { controlPlane, roles, clock }),
    ]);

    // Assess
    const reasonOf = (result: PromiseSettledResult<void>) => (result as PromiseRejectedResult).reason as Error;
    expect(reasonOf(foreign)).toBeInstanceOf(NotFoundError);
    expect(reasonOf(missing)).toBeInstanceOf(NotFoundError);
    expect(reasonOf(foreign).message.replace(keyId, '<id>')).toBe(reasonOf(missing).message.replace(missingKeyId, '<id>'));
  });

  it('throws NotFoundError when the key is already revoked', async () => {
    // Prepare
    const { keyId } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'INTEGRATION' });
    await revokeAccountApiKey({ keyId }, adminOf('acme'), { controlPlane, roles, clock });

    // Act
    const attempt = revokeAccountApiKey({ keyId }, adminOf('acme'), { controlPlane, roles, clock });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });

  it('throws NotFoundError when a retailer-scoped key revokes an unscoped key, and leaves it active', async () => {
    // Prepare
    const { keyId } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });

    // Act
    const attempt = revokeAccountApiKey({ keyId }, adminOf('acme', 'r1'), { controlPlane, roles, clock });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect((await controlPlane.getApiKey(keyId))?.status).toBe('ACTIVE');
  });

  it("throws NotFoundError when a retailer-scoped key revokes another retailer's key", async () => {
    // Prepare
    const { keyId } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'INTEGRATION', retailerId: 'r2' });

    // Act
    const attempt = revokeAccountApiKey({ keyId }, adminOf('acme', 'r1'), { controlPlane, roles, clock });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets a retailer-scoped key revoke a key of its own retailer', async () => {
    // Prepare
    const { keyId } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'INTEGRATION', retailerId: 'r1' });

    // Act
    await revokeAccountApiKey({ keyId }, adminOf('acme', 'r1'), { controlPlane, roles, clock });

    // Assess
    expect((await controlPlane.getApiKey(keyId))?.status).toBe('REVOKED');
  });

  it("refuses a key whose role lacks some of the target key's permissions with 403, and the target keeps working", async () => {
    // Prepare
    const target = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });
    const keyDesk = accountPrincipal({ accountId: 'acme', role: 'key-desk', permissions: new Set(['API_KEY_DELETE']) });

    // Act
    const revoked = revokeAccountApiKey({ keyId: target.keyId }, keyDesk, { controlPlane, roles, clock });

    // Assess
    await expect(revoked).rejects.toBeInstanceOf(ForbiddenError);
    await expect(authenticateApiKey(target.apiKey, { controlPlane, roles, clock, stage: 'unit' })).resolves.toMatchObject({ keyId: target.keyId });
  });
});
