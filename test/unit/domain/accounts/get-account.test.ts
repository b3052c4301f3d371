import { getOwnAccount } from '../../../../shared/domain/accounts/get-account';
import type { AccountPrincipal } from '../../../../shared/domain/accounts/principal';
import { NotFoundError } from '../../../../shared/domain/domain-errors';
import { InMemoryAccountProfileStore, InMemoryAccountTables } from '../../../support/account-tables';
import { accountPrincipal } from '../../../support/principals';

const principalOf = (accountId: string): AccountPrincipal =>
  accountPrincipal({ accountId, keyId: 'bbbbbbbbbbbbbbbb', role: 'READONLY' });

describe('getOwnAccount', () => {
  let tables: InMemoryAccountTables;
  let profiles: InMemoryAccountProfileStore;

  beforeEach(async () => {
    tables = new InMemoryAccountTables();
    profiles = new InMemoryAccountProfileStore(tables);
    for (const accountId of ['acme', 'globex']) {
      await tables.provision(`ordo-unit-acct-${accountId}`);
      await profiles.put(`ordo-unit-acct-${accountId}`, {
        accountId,
        name: `${accountId} Inc`,
        environment: 'sandbox',
        createdOn: '2025-01-01T00:00:00.000Z',
      });
    }
  });

  it('returns the profile from the caller own table together with the caller role and key id', async () => {
    // Act
    const account = await getOwnAccount({}, principalOf('globex'), { profiles });

    // Assess
    expect(account).toEqual({
      accountId: 'globex',
      name: 'globex Inc',
      environment: 'sandbox',
      createdOn: '2025-01-01T00:00:00.000Z',
      role: 'READONLY',
      keyId: 'bbbbbbbbbbbbbbbb',
    });
  });

  it('throws NotFoundError when the caller table holds no profile', async () => {
    // Act
    const attempt = getOwnAccount({}, principalOf('initech'), { profiles });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });
});
