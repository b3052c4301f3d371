import { listRoles } from '../../../../shared/domain/accounts/list-roles';
import { PERMISSIONS } from '../../../../shared/domain/accounts/roles';
import { accountPrincipal } from '../../../support/principals';
import { InMemoryRoleStore } from '../../../support/roles';

describe('listRoles', () => {
  let roles: InMemoryRoleStore;

  beforeEach(() => {
    roles = new InMemoryRoleStore();
  });

  it('lists the three built-in roles first, marked as built in, with their permissions', async () => {
    // Act
    const listed = await listRoles({}, accountPrincipal(), { roles });

    // Assess
    expect(listed.map((role) => [role.name, role.builtIn])).toEqual([
      ['ADMIN', true],
      ['INTEGRATION', true],
      ['READONLY', true],
    ]);
    expect(listed[0].permissions).toEqual([...PERMISSIONS]);
  });

  it("lists the account's custom roles after the built-in ones, by name, and no other account's", async () => {
    // Prepare
    roles.seed('acme', 'warehouse', ['INVENTORY_UPDATE']);
    roles.seed('acme', 'auditor', ['ORDER_READ']);
    roles.seed('globex', 'spy', ['ORDER_READ']);

    // Act
    const listed = await listRoles({}, accountPrincipal(), { roles });

    // Assess
    expect(listed.slice(3)).toEqual([
      expect.objectContaining({ name: 'auditor', builtIn: false, permissions: ['ORDER_READ'] }),
      expect.objectContaining({ name: 'warehouse', builtIn: false, permissions: ['INVENTORY_UPDATE'] }),
    ]);
  });

  it('shows no account id in a custom role', async () => {
    // Prepare
    roles.seed('acme', 'auditor', ['ORDER_READ']);

    // Act
    const listed = await listRoles({}, accountPrincipal(), { roles });

    // Assess
    expect(listed[3]).not.toHaveProperty('accountId');
  });
});
