import { roleDefinitionSchema, roleNameSchema } from '../../../../shared/domain/accounts/custom-role';
import { defineRole } from '../../../../shared/domain/accounts/define-role';
import { ConflictError, ForbiddenError } from '../../../../shared/domain/domain-errors';
import { validate } from '../../../../shared/http/request-body';
import { ManualClock } from '../../../support/clock';
import { accountPrincipal } from '../../../support/principals';
import { InMemoryRoleStore } from '../../../support/roles';

describe('defineRole', () => {
  const now = new Date('2025-05-02T10:00:00.000Z');
  let roles: InMemoryRoleStore;
  let deps: { roles: InMemoryRoleStore; clock: ManualClock };

  beforeEach(() => {
    roles = new InMemoryRoleStore();
    deps = { roles, clock: new ManualClock(now) };
  });

  it('creates a role the account did not have and says so', async () => {
    // Act
    const { role, created } = await defineRole({ name: 'auditor', permissions: ['ORDER_READ'] }, accountPrincipal(), deps);

    // Assess
    expect(created).toBe(true);
    expect(role).toEqual({
      name: 'auditor',
      builtIn: false,
      permissions: ['ORDER_READ'],
      createdOn: now.toISOString(),
      updatedOn: now.toISOString(),
    });
  });

  it('replaces the permissions of an existing role and keeps when it was created', async () => {
    // Prepare
    roles.seed('acme', 'auditor', ['ORDER_READ']);

    // Act
    const { role, created } = await defineRole({ name: 'auditor', permissions: ['EVENT_READ'] }, accountPrincipal(), deps);

    // Assess
    expect(created).toBe(false);
    expect(role).toMatchObject({ permissions: ['EVENT_READ'], createdOn: '2025-01-01T00:00:00.000Z', updatedOn: now.toISOString() });
    expect((await roles.get('acme', 'auditor'))?.permissions).toEqual(['EVENT_READ']);
  });

  it('stores the role in the caller account only', async () => {
    // Act
    await defineRole({ name: 'auditor', permissions: ['ORDER_READ'] }, accountPrincipal({ accountId: 'globex' }), deps);

    // Assess
    expect(await roles.get('acme', 'auditor')).toBeUndefined();
    expect(await roles.get('globex', 'auditor')).toBeDefined();
  });

  it('refuses with ForbiddenError a role granting a permission the caller lacks, and stores nothing', async () => {
    // Prepare
    const roleManager = accountPrincipal({ role: 'role-manager', permissions: new Set(['ROLE_UPDATE', 'ORDER_READ']) });

    // Act
    const attempt = defineRole({ name: 'writer', permissions: ['ORDER_READ', 'ORDER_CREATE'] }, roleManager, deps);

    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError);
    await expect(attempt).rejects.toThrow(/ORDER_CREATE/);
    expect(roles.roles.size).toBe(0);
  });

  it('refuses with ForbiddenError to rewrite a role that grants more than the caller holds', async () => {
    // Prepare
    roles.seed('acme', 'operator', ['ORDER_READ', 'WORKFLOW_UPDATE']);
    const roleManager = accountPrincipal({ role: 'role-manager', permissions: new Set(['ROLE_UPDATE', 'ORDER_READ']) });

    // Act
    const attempt = defineRole({ name: 'operator', permissions: ['ORDER_READ'] }, roleManager, deps);

    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError);
    expect((await roles.get('acme', 'operator'))?.permissions).toEqual(['ORDER_READ', 'WORKFLOW_UPDATE']);
  });

  it('refuses with ForbiddenError a retailer-scoped key, even an ADMIN one', async () => {
    // Act
    const attempt = defineRole({ name: 'auditor', permissions: [] }, accountPrincipal({ retailerId: 'r1' }), deps);

    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError);
    expect(roles.roles.size).toBe(0);
  });

  it('answers ConflictError when another request changed the role between the read and the write', async () => {
    // Prepare: the read sees the role as it was before another request replaced it.
    roles.seed('acme', 'auditor', ['EVENT_READ']);
    jest.spyOn(roles, 'get').mockResolvedValueOnce({
      accountId: 'acme',
      name: 'auditor',
      permissions: ['ORDER_READ'],
      createdOn: '2024-12-01T00:00:00.000Z',
      updatedOn: '2024-12-01T00:00:00.000Z',
    });

    // Act
    const attempt = defineRole({ name: 'auditor', permissions: ['JOB_READ'] }, accountPrincipal(), deps);

    // Assess
    await expect(attempt).rejects.toThrow(ConflictError);
    expect((await roles.get('acme', 'auditor'))?.permissions).toEqual(['EVENT_READ']);
  });
});

describe('the role name', () => {
  it.each(['auditor', 'Order_Desk-2', 'a'])('accepts %s', (name) => {
    // Act
    const parsed = validate(roleNameSchema, name, 'name');

    // Assess
    expect(parsed).toBe(name);
  });

  it.each(['ADMIN', 'admin', 'ReadOnly', 'integration'])('refuses the built-in name %s, naming name', (name) => {
    // Act
    const attempt = () => validate(roleNameSchema, name, 'name');

    // Assess
    expect(attempt).toThrow(expect.objectContaining({ field: 'name' }));
  });

  it.each(['', '2fast', 'has space', 'dots.in.it', 'x'.repeat(65), 'emoji😀'])('refuses %p, naming name', (name) => {
    // Act
    const attempt = () => validate(roleNameSchema, name, 'name');

    // Assess
    expect(attempt).toThrow(expect.objectContaining({ field: 'name' }));
  });
});

describe('the role definition', () => {
  it('names the unknown permission by its position', () => {
    // Act
    const attempt = () => validate(roleDefinitionSchema, { permissions: ['ORDER_READ', 'EVERYTHING'] });

    // Assess
    expect(attempt).toThrow(expect.objectContaining({ field: 'permissions[1]' }));
  });

  it('drops repeated permissions', () => {
    // Act
    const definition = validate(roleDefinitionSchema, { permissions: ['ORDER_READ', 'ORDER_READ'] });

    // Assess
    expect(definition.permissions).toEqual(['ORDER_READ']);
  });

  it('refuses a definition without permissions, naming permissions', () => {
    // Act
    const attempt = () => validate(roleDefinitionSchema, {});

    // Assess
    expect(attempt).toThrow(expect.objectContaining({ field: 'permissions' }));
  });
});
