import { accountOfTable } from '../../../../shared/domain/accounts/account-of-table';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';

const STAGE = 'unit';

const controlPlaneWith = async (accountId: string, tableName: string) => {
  const controlPlane = new InMemoryControlPlaneStore();
  await controlPlane.createAccount({
    accountId,
    name: accountId,
    environment: 'sandbox',
    region: 'us-east-1',
    status: 'ACTIVE',
    tableName,
    createdOn: '2025-03-01T00:00:00.000Z',
  });
  return controlPlane;
};

describe('accountOfTable', () => {
  it('names the account whose table it is', async () => {
    // Prepare
    const controlPlane = await controlPlaneWith('acme-uk', 'ordo-unit-acct-acme-uk');

    // Act
    const accountId = await accountOfTable('ordo-unit-acct-acme-uk', { stage: STAGE, controlPlane });

    // Assess
    expect(accountId).toBe('acme-uk');
  });

  it('names no account for a table named like one that the control plane does not know', async () => {
    // Prepare
    const controlPlane = await controlPlaneWith('acme', 'ordo-unit-acct-acme');

    // Act
    const accountId = await accountOfTable('ordo-unit-acct-ghost', { stage: STAGE, controlPlane });

    // Assess
    expect(accountId).toBeUndefined();
  });

  it('names no account when the account keeps its data in another table', async () => {
    // Prepare
    const controlPlane = await controlPlaneWith('acme', 'ordo-unit-acct-acme-restored');

    // Act
    const accountId = await accountOfTable('ordo-unit-acct-acme', { stage: STAGE, controlPlane });

    // Assess
    expect(accountId).toBeUndefined();
  });

  it.each(['ordo-unit-control', 'ordo-unit-acct-', 'ordo-production-acct-acme'])('names no account for %s', async (tableName) => {
    // Prepare
    const controlPlane = await controlPlaneWith('acme', 'ordo-production-acct-acme');

    // Act
    const accountId = await accountOfTable(tableName, { stage: STAGE, controlPlane });

    // Assess
    expect(accountId).toBeUndefined();
  });
});
