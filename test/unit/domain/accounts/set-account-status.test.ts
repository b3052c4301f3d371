import type { OperatorPrincipal } from '../../../../shared/domain/accounts/principal';
import { setAccountStatus } from '../../../../shared/domain/accounts/set-account-status';
import { ConflictError, NotFoundError } from '../../../../shared/domain/domain-errors';
import { seedAccount } from '../../../support/api-keys';
import { ManualClock } from '../../../support/clock';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';

const OPERATOR: OperatorPrincipal = { kind: 'operator' };

describe('setAccountStatus', () => {
  const now = new Date('2025-07-01T09:00:00.000Z');
  let controlPlane: InMemoryControlPlaneStore;
  let deps: { controlPlane: InMemoryControlPlaneStore; clock: ManualClock };

  beforeEach(() => {
    controlPlane = new InMemoryControlPlaneStore();
    deps = { controlPlane, clock: new ManualClock(now) };
  });

  it('suspends an active account and answers with the account and when it changed', async () => {
    // Prepare
    seedAccount(controlPlane, 'acme');

    // Act
    const account = await setAccountStatus({ accountId: 'acme', status: 'SUSPENDED' }, OPERATOR, deps);

    // Assess
    expect(account).toMatchObject({ accountId: 'acme', status: 'SUSPENDED', statusChangedOn: now.toISOString() });
    expect((await controlPlane.getAccount('acme'))?.status).toBe('SUSPENDED');
  });

  it('reactivates a suspended account', async () => {
    // Prepare
    seedAccount(controlPlane, 'acme', 'SUSPENDED');

    // Act
    const account = await setAccountStatus({ accountId: 'acme', status: 'ACTIVE' }, OPERATOR, deps);

    // Assess
    expect(account.status).toBe('ACTIVE');
  });

  it('never shows the wrapped data key kept on the account', async () => {
    // Prepare
    seedAccount(controlPlane, 'acme');
    controlPlane.accounts.set('acme', { ...controlPlane.accounts.get('acme')!, wrappedDataKey: 'c2VjcmV0' } as never);

    // Act
    const account = await setAccountStatus({ accountId: 'acme', status: 'SUSPENDED' }, OPERATOR, deps);

    // Assess
    expect(JSON.stringify(account)).not.toContain('c2VjcmV0');
  });

  it('throws NotFoundError for an account that does not exist', async () => {
    // Act
    const attempt = setAccountStatus({ accountId: 'ghost', status: 'SUSPENDED' }, OPERATOR, deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });

  it('throws ConflictError for an account still being created, and leaves it PROVISIONING', async () => {
    // Prepare
    seedAccount(controlPlane, 'acme', 'PROVISIONING');

    // Act
    const attempt = setAccountStatus({ accountId: 'acme', status: 'ACTIVE' }, OPERATOR, deps);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect((await controlPlane.getAccount('acme'))?.status).toBe('PROVISIONING');
  });
});
