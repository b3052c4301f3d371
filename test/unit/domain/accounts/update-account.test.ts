import type { OperatorPrincipal } from '../../../../shared/domain/accounts/principal';
import { updateAccount, updateAccountInputSchema } from '../../../../shared/domain/accounts/update-account';
import { ConflictError, NotFoundError } from '../../../../shared/domain/domain-errors';
import { validate } from '../../../../shared/http/request-body';
import { seedAccount } from '../../../support/api-keys';
import { ManualClock } from '../../../support/clock';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';

const OPERATOR: OperatorPrincipal = { kind: 'operator' };

describe('updateAccount', () => {
  let controlPlane: InMemoryControlPlaneStore;
  let deps: { controlPlane: InMemoryControlPlaneStore; clock: ManualClock };

  beforeEach(() => {
    controlPlane = new InMemoryControlPlaneStore();
    deps = { controlPlane, clock: new ManualClock('2025-07-01T09:00:00.000Z') };
  });

  it("sets the account's own rate limit and answers with it", async () => {
    // Prepare
    seedAccount(controlPlane, 'acme');

    // Act
    const account = await updateAccount({ accountId: 'acme', rateLimitPerSecond: 500 }, OPERATOR, deps);

    // Assess
    expect(account).toMatchObject({ accountId: 'acme', status: 'ACTIVE', rateLimitPerSecond: 500 });
    expect(await controlPlane.getAccountRateLimit('acme')).toBe(500);
  });

  it('gives the account the default back when the limit is null', async () => {
    // Prepare
    seedAccount(controlPlane, 'acme');
    await controlPlane.setAccountRateLimit('acme', 500);

    // Act
    const account = await updateAccount({ accountId: 'acme', rateLimitPerSecond: null }, OPERATOR, deps);

    // Assess
    expect(account).not.toHaveProperty('rateLimitPerSecond', expect.anything());
    expect(await controlPlane.getAccountRateLimit('acme')).toBeUndefined();
  });

  it('changes the status and the limit in one request', async () => {
    // Prepare
    seedAccount(controlPlane, 'acme');

    // Act
    const account = await updateAccount({ accountId: 'acme', status: 'SUSPENDED', rateLimitPerSecond: 5 }, OPERATOR, deps);

    // Assess
    expect(account).toMatchObject({ status: 'SUSPENDED', rateLimitPerSecond: 5 });
  });

  it('leaves the limit alone when only the status changes', async () => {
    // Prepare
    seedAccount(controlPlane, 'acme');
    await controlPlane.setAccountRateLimit('acme', 50);

    // Act
    const account = await updateAccount({ accountId: 'acme', status: 'SUSPENDED' }, OPERATOR, deps);

    // Assess
    expect(account).toMatchObject({ status: 'SUSPENDED', rateLimitPerSecond: 50 });
  });

  it('throws NotFoundError for an unknown account', async () => {
    // Act
    const attempt = updateAccount({ accountId: 'ghost', rateLimitPerSecond: 5 }, OPERATOR, deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });

  it('throws ConflictError naming rateLimitPerSecond for an account still being created', async () => {
    // Prepare
    seedAccount(controlPlane, 'acme', 'PROVISIONING');

    // Act
    const attempt = updateAccount({ accountId: 'acme', rateLimitPerSecond: 5 }, OPERATOR, deps);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT', field: 'rateLimitPerSecond' });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
  });

  it.each([{ status: 'PROVISIONING' }, { status: 'suspended' }, {}])('refuses the body %j, naming status', (body) => {
    // Act
    const attempt = () => validate(updateAccountInputSchema, body);

    // Assess
    expect(attempt).toThrow(expect.objectContaining({ field: 'status' }));
  });

  it.each([{ rateLimitPerSecond: 0 }, { rateLimitPerSecond: 2.5 }, { rateLimitPerSecond: 10_001 }, { rateLimitPerSecond: '100' }])(
    'refuses the body %j, naming rateLimitPerSecond',
    (body) => {
      // Act
      const attempt = () => validate(updateAccountInputSchema, body);

      // Assess
      expect(attempt).toThrow(expect.objectContaining({ field: 'rateLimitPerSecond' }));
    },
  );
});
