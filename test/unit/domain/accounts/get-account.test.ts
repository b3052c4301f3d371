import { getOwnAccount } from '../../../../shared/domain/accounts/get-account';
import type { AccountPrincipal } from '../../../../shared/domain/accounts/principal';
import { builtInPermissions } from '../../../../shared/domain/accounts/roles';
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
      permissions: [...builtInPermissions('READONLY')].sort(),
    });
  });

  it("names the calling key's retailer when the key is scoped to one", async () => {
    // Prepare
    const scoped = accountPrincipal({ accountId: 'acme', role: 'READONLY', retailerId: 'r1' });

    // Act
    const account = await getOwnAccount({}, scoped, { profiles, controlPlane });

    // Assess
    expect(account.retailerId).toBe('r1');
  });

  it('leaves the retailer out for a key that sees the whole account', async () => {
    // Act
    const account = await getOwnAccount({}, principalOf('acme'), { profiles, controlPlane });

    // Assess
    expect(account).not.toHaveProperty('retailerId');
  });

  it("lists a custom role's permissions in sorted order", async () => {
    // Prepare
    const custom = accountPrincipal({ accountId: 'acme', role: 'picker', permissions: new Set(['ORDER_READ', 'EVENT_CREATE', 'ACCOUNT_READ']) });

    // Act
    const account = await getOwnAccount({}, custom, { profiles, controlPlane });

    // Assess
    expect(account).toMatchObject({ role: 'picker', permissions: ['ACCOUNT_READ', 'EVENT_CREATE', 'ORDER_READ'] });
  });

  it('throws NotFoundError when the caller table holds no profile', async () => {
    // Act
    const attempt = getOwnAccount({}, principalOf('initech'), { profiles, controlPlane });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });
});
