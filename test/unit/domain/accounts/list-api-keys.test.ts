import { listAccountApiKeys } from '../../../../shared/domain/accounts/list-api-keys';
import type { AccountPrincipal } from '../../../../shared/domain/accounts/principal';
import { seedApiKey } from '../../../support/api-keys';
import { accountPrincipal } from '../../../support/principals';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';

const principalOf = (accountId: string, retailerId?: string): AccountPrincipal => accountPrincipal({ accountId, retailerId });

describe('listAccountApiKeys', () => {
  let controlPlane: InMemoryControlPlaneStore;

  beforeEach(() => {
    controlPlane = new InMemoryControlPlaneStore();
  });

  it('lists only the keys of the caller account', async () => {
    // Prepare
    const own = await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });
    const ownIntegration = await seedApiKey(controlPlane, { accountId: 'acme', role: 'INTEGRATION' });
    await seedApiKey(controlPlane, { accountId: 'globex', role: 'ADMIN' });

    // Act
    const keys = await listAccountApiKeys({}, principalOf('acme'), { controlPlane });

    // Assess
    expect(keys.map((key) => key.keyId).sort()).toEqual([own.keyId, ownIntegration.keyId].sort());
  });

  it('leaves the secret hash and the account id out of every summary', async () => {
    // Prepare
    await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });

    // Act
    const [summary] = await listAccountApiKeys({}, principalOf('acme'), { controlPlane });

    // Assess
    expect(summary).not.toHaveProperty('secretHash');
    expect(summary).not.toHaveProperty('accountId');
  });

  it('shows a revoked key with its revocation time', async () => {
    // Prepare
    const { keyId } = await seedApiKey(controlPlane, { accountId: 'acme', role: 'READONLY', retailerId: 'r-1' });
    await controlPlane.revokeApiKey('acme', keyId, '2025-05-05T05:05:05.000Z');

    // Act
    const [summary] = await listAccountApiKeys({}, principalOf('acme'), { controlPlane });

    // Assess
    expect(summary).toMatchObject({
      keyId,
      role: 'READONLY',
      retailerId: 'r-1',
      status: 'REVOKED',
      revokedOn: '2025-05-05T05:05:05.000Z',
    });
  });

  it('lists to a retailer-scoped key only the keys scoped to its own retailer', async () => {
    // Prepare
    await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN' });
    await seedApiKey(controlPlane, { accountId: 'acme', role: 'ADMIN', retailerId: 'r2' });
    const sameRetailer = await seedApiKey(controlPlane, { accountId: 'acme', role: 'READONLY', retailerId: 'r1' });

    // Act
    const keys = await listAccountApiKeys({}, principalOf('acme', 'r1'), { controlPlane });

    // Assess
    expect(keys.map((key) => key.keyId)).toEqual([sameRetailer.keyId]);
  });

  it('shows when a key expires and when it was last used', async () => {
    // Prepare
    await seedApiKey(controlPlane, {
      accountId: 'acme',
      role: 'ADMIN',
      expiresOn: '2026-01-01T00:00:00.000Z',
      lastUsedOn: '2025-05-05T05:05:00.000Z',
    });

    // Act
    const [summary] = await listAccountApiKeys({}, principalOf('acme'), { controlPlane });

    // Assess
    expect(summary).toMatchObject({ expiresOn: '2026-01-01T00:00:00.000Z', lastUsedOn: '2025-05-05T05:05:00.000Z' });
  });

  it('returns an empty list for an account without keys', async () => {
    // Act
    const keys = await listAccountApiKeys({}, principalOf('empty'), { controlPlane });

    // Assess
    expect(keys).toEqual([]);
  });
});
