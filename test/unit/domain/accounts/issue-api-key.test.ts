import { authenticateApiKey } from '../../../../shared/domain/accounts/authenticate';
import { issueAccountApiKey, issueApiKeyInputSchema } from '../../../../shared/domain/accounts/issue-api-key';
import type { AccountPrincipal } from '../../../../shared/domain/accounts/principal';
import { validate } from '../../../../shared/http/request-body';
import { FixedClock } from '../../fakes/clock';
import { InMemoryControlPlaneStore } from '../../fakes/control-plane-store';

const admin: AccountPrincipal = {
  kind: 'account',
  accountId: 'acme',
  keyId: 'aaaaaaaaaaaaaaaa',
  role: 'ADMIN',
  tableName: 'ordo-unit-acct-acme',
};

describe('issueAccountApiKey', () => {
  const now = new Date('2025-04-01T12:00:00.000Z');
  let controlPlane: InMemoryControlPlaneStore;
  let clock: FixedClock;

  beforeEach(() => {
    controlPlane = new InMemoryControlPlaneStore();
    clock = new FixedClock(now);
  });

  it('returns a key that authenticates in the caller account with the requested role and retailer', async () => {
    // Act
    const issued = await issueAccountApiKey(admin, { role: 'INTEGRATION', retailerId: 'store-9' }, { controlPlane, clock });

    // Assess
    const principal = await authenticateApiKey(issued.apiKey, { controlPlane, stage: 'unit' });
    expect(principal).toMatchObject({ accountId: 'acme', keyId: issued.keyId, role: 'INTEGRATION', retailerId: 'store-9' });
  });

  it('stores the key as ACTIVE with the time it was issued', async () => {
    // Act
    const issued = await issueAccountApiKey(admin, { role: 'READONLY' }, { controlPlane, clock });

    // Assess
    expect(await controlPlane.getApiKey(issued.keyId)).toMatchObject({
      accountId: 'acme',
      status: 'ACTIVE',
      createdOn: now.toISOString(),
    });
  });

  it('keeps only a hash of the key in the store', async () => {
    // Act
    const issued = await issueAccountApiKey(admin, { role: 'READONLY' }, { controlPlane, clock });

    // Assess
    const stored = JSON.stringify(await controlPlane.getApiKey(issued.keyId));
    expect(stored).not.toContain(issued.apiKey.slice(`ordo_${issued.keyId}_`.length));
  });

  it('reports a missing role on the request body, naming role', () => {
    // Act
    const attempt = () => validate(issueApiKeyInputSchema, {});

    // Assess
    expect(attempt).toThrow(expect.objectContaining({ field: 'role' }));
  });

  it('refuses a role that does not exist, naming role', () => {
    // Act
    const attempt = () => validate(issueApiKeyInputSchema, { role: 'SUPERUSER' });

    // Assess
    expect(attempt).toThrow(expect.objectContaining({ field: 'role' }));
  });
});
