import { getOwnAccount } from '../../../../shared/domain/accounts/get-account';
import type { AccountPrincipal } from '../../../../shared/domain/accounts/principal';
import { NotFoundError } from '../../../../shared/domain/domain-errors';
import { InMemoryAccountProfileStore, InMemoryAccountTables } from '../../../support/account-tables';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';
import { accountPrincipal } from '../../../support/principals';

const principalOf = (accountId: string): AccountPrincipal =>
  accountPrincipal({ accountId, keyId: 'bbbbbbbbbbbbbbbb', role: 'READONLY' });

describe('getOwnAccount', () => {
  let tables: InMemoryAccountTables;
  let profiles: InMemoryAccountProfileStore;
  let controlPlane: InMemoryControlPlaneStore;

  beforeEach(async () => {
    tables = new InMemoryAccountTables();
    profiles = new InMemoryAccountProfileStore(tables);
    controlPlane = new InMemoryControlPlaneStore();
    for (const [accountId, region] of [['acme', 'us-east-1'], ['globex', 'eu-west-1']]) {
      await controlPlane.createAccount({
        accountId,
        name: `${accountId} Inc`,
        environment: 'sandbox',
        region,
        status: 'ACTIVE',
        tableName: `ordo-unit-acct-${accountId}`,
        createdOn: '2025-01-01T00:00:00.000Z',
      });
      await tables.provision(`ordo-unit-acct-${accountId}`);
      await profiles.put(`ordo-unit-acct-${accountId}`, {
        accountId,
        name: `${accountId} Inc`,
        environment: 'sandbox',
        createdOn: '2025-01-01T00:00:00.000Z',
      });
    }
  });

  it('returns the profile from the caller own table together with its home region, the caller role and key id', async () => {
    // Act
    const account = await getOwnAccount({}, principalOf('globex'), { profiles, controlPlane });

    // Assess
    expect(account).toEqual({
      accountId: 'globex',
      name: 'globex Inc',
      environment: 'sandbox',
      createdOn: '2025-01-01T00:00:00.000Z',
      homeRegion: 'eu-west-1',
      role: 'READONLY',
      keyId: 'bbbbbbbbbbbbbbbb',
    });
  });

  it('throws NotFoundError when the caller table holds no profile', async () => {
    // Act
    const attempt = getOwnAccount({}, principalOf('initech'), { profiles, controlPlane });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });
});
