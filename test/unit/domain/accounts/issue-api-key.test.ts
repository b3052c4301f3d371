import { authenticateApiKey } from '../../../../shared/domain/accounts/authenticate';
import { issueAccountApiKey, issueApiKeyInputSchema } from '../../../../shared/domain/accounts/issue-api-key';
import { ForbiddenError, ValidationError } from '../../../../shared/domain/domain-errors';
import { validate } from '../../../../shared/http/request-body';
import { seedAccount } from '../../../support/api-keys';
import { ManualClock } from '../../../support/clock';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';
import { accountPrincipal } from '../../../support/principals';
import { InMemoryRoleStore } from '../../../support/roles';
import { InMemoryRegisteredRetailers } from '../../../support/registered-retailers';

const admin = accountPrincipal({ role: 'ADMIN' });

describe('issueAccountApiKey', () => {
  const now = new Date('2025-04-01T12:00:00.000Z');
  let controlPlane: InMemoryControlPlaneStore;
  let roles: InMemoryRoleStore;
  let deps: { controlPlane: InMemoryControlPlaneStore; roles: InMemoryRoleStore; clock: ManualClock; retailersOf: () => InMemoryRegisteredRetailers };

  beforeEach(() => {
    controlPlane = new InMemoryControlPlaneStore();
    roles = new InMemoryRoleStore();
    deps = { controlPlane, roles, clock: new ManualClock(now), retailersOf: () => new InMemoryRegisteredRetailers() };
    seedAccount(controlPlane, 'acme');
  });

  it('returns a key that authenticates in the caller account with the requested role and retailer', async () => {
    // Act
    const issued = await issueAccountApiKey({ role: 'INTEGRATION', retailerId: 'store-9' }, admin, deps);

    // Assess
    const principal = await authenticateApiKey(issued.apiKey, { ...deps, stage: 'unit' });
    expect(principal).toMatchObject({ accountId: 'acme', keyId: issued.keyId, role: 'INTEGRATION', retailerId: 'store-9' });
  });

  it('stores the key as ACTIVE with the time it was issued', async () => {
    // Act
    const issued = await issueAccountApiKey({ role: 'READONLY' }, admin, deps);

    // Assess
    expect(await controlPlane.getApiKey(issued.keyId)).toMatchObject({
      accountId: 'acme',
      status: 'ACTIVE',
      createdOn: now.toISOString(),
    });
  });

  it('keeps only a hash of the key in the store', async () => {
    // Act
    const issued = await issueAccountApiKey({ role: 'READONLY' }, admin, deps);

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

  it('refuses a role that is neither built in nor defined by the account, naming role, and stores nothing', async () => {
    // Act
    const attempt = issueAccountApiKey({ role: 'SUPERUSER' }, admin, deps);

    // Assess
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toMatchObject({ field: 'role' });
    expect(controlPlane.apiKeys.size).toBe(0);
  });

  it("refuses another account's custom role, naming role", async () => {
    // Prepare
    roles.seed('globex', 'auditor', ['ORDER_READ']);

    // Act
    const attempt = issueAccountApiKey({ role: 'auditor' }, admin, deps);

    // Assess
    await expect(attempt).rejects.toMatchObject({ field: 'role' });
  });

  it('issues a key of a custom role that authenticates with that role and its permissions', async () => {
    // Prepare
    roles.seed('acme', 'auditor', ['ORDER_READ', 'EVENT_READ']);

    // Act
    const issued = await issueAccountApiKey({ role: 'auditor' }, admin, deps);

    // Assess
    const principal = await authenticateApiKey(issued.apiKey, { ...deps, stage: 'unit' });
    expect(principal.role).toBe('auditor');
    expect([...principal.permissions].sort()).toEqual(['EVENT_READ', 'ORDER_READ']);
  });

  it('refuses with ForbiddenError a key whose role grants a permission the caller lacks, and stores nothing', async () => {
    // Prepare
    const keyManager = accountPrincipal({ role: 'key-manager', permissions: new Set(['API_KEY_CREATE', 'ORDER_READ']) });

    // Act
    const attempt = issueAccountApiKey({ role: 'INTEGRATION' }, keyManager, deps);

    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError);
    expect(controlPlane.apiKeys.size).toBe(0);
  });

  it('lets a caller issue a key whose role grants a subset of its own permissions', async () => {
    // Prepare
    roles.seed('acme', 'order-reader', ['ORDER_READ']);
    const keyManager = accountPrincipal({ role: 'key-manager', permissions: new Set(['API_KEY_CREATE', 'ORDER_READ']) });

    // Act
    const issued = await issueAccountApiKey({ role: 'order-reader' }, keyManager, deps);

    // Assess
    expect(issued.role).toBe('order-reader');
  });

  it('refuses with ForbiddenError an unscoped key asked for by a retailer-scoped key', async () => {
    // Prepare
    const scoped = accountPrincipal({ retailerId: 'r1' });

    // Act
    const attempt = issueAccountApiKey({ role: 'READONLY' }, scoped, deps);

    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError);
  });

  it("refuses with ForbiddenError a key for another retailer asked for by a retailer-scoped key", async () => {
    // Prepare
    const scoped = accountPrincipal({ retailerId: 'r1' });

    // Act
    const attempt = issueAccountApiKey({ role: 'READONLY', retailerId: 'r2' }, scoped, deps);

    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError);
  });

  it('stores and returns the expiry of a key, in UTC', async () => {
    // Act
    const issued = await issueAccountApiKey({ role: 'READONLY', expiresOn: '2025-04-02T14:00:00+02:00' }, admin, deps);

    // Assess
    expect(issued.expiresOn).toBe('2025-04-02T12:00:00.000Z');
    expect((await controlPlane.getApiKey(issued.keyId))?.expiresOn).toBe('2025-04-02T12:00:00.000Z');
  });

  it.each([
    ['in the past', '2025-03-31T12:00:00.000Z'],
    ['this very instant', '2025-04-01T12:00:00.000Z'],
  ])('refuses an expiry %s, naming expiresOn, and stores nothing', async (_case, expiresOn) => {
    // Act
    const attempt = issueAccountApiKey({ role: 'READONLY', expiresOn }, admin, deps);

    // Assess
    await expect(attempt).rejects.toMatchObject({ field: 'expiresOn' });
    expect(controlPlane.apiKeys.size).toBe(0);
  });

  it.each(['tomorrow', '2025-04-02', '2025-04-02T12:00:00'])('refuses the expiry %p that is no ISO date-time with offset, naming expiresOn', (expiresOn) => {
    // Act
    const attempt = () => validate(issueApiKeyInputSchema, { role: 'READONLY', expiresOn });

    // Assess
    expect(attempt).toThrow(expect.objectContaining({ field: 'expiresOn' }));
  });
});
