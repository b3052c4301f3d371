import { PERMISSIONS, isBuiltInRole, roleGrants, type Permission } from '../../../../shared/domain/accounts/roles';

const KEY_MANAGEMENT: Permission[] = ['API_KEY_READ', 'API_KEY_CREATE', 'API_KEY_DELETE'];
const ROLE_MANAGEMENT: Permission[] = ['ROLE_READ', 'ROLE_UPDATE'];

describe('role grants', () => {
  it('grants ADMIN every permission', () => {
    // Act
    const missing = PERMISSIONS.filter((permission) => !roleGrants('ADMIN', permission));

    // Assess
    expect(missing).toEqual([]);
  });

  it('grants READONLY no permission that changes anything', () => {
    // Act
    const writes = PERMISSIONS.filter((permission) => roleGrants('READONLY', permission) && !permission.endsWith('_READ'));

    // Assess
    expect(writes).toEqual([]);
  });

  it('lets READONLY read orders', () => {
    // Act
    const granted = roleGrants('READONLY', 'ORDER_READ');

    // Assess
    expect(granted).toBe(true);
  });

  it.each(['READONLY', 'INTEGRATION'] as const)('keeps API key management away from %s', (role) => {
    // Act
    const granted = KEY_MANAGEMENT.filter((permission) => roleGrants(role, permission));

    // Assess
    expect(granted).toEqual([]);
  });

  it.each(['READONLY', 'INTEGRATION'] as const)('keeps role management, reading roles included, away from %s', (role) => {
    // Act
    const granted = ROLE_MANAGEMENT.filter((permission) => roleGrants(role, permission));

    // Assess
    expect(granted).toEqual([]);
  });

  it.each(['EVENT_CREATE', 'ORDER_CREATE', 'INVENTORY_UPDATE'] as const)('lets INTEGRATION perform %s', (permission) => {
    // Act
    const granted = roleGrants('INTEGRATION', permission);

    // Assess
    expect(granted).toBe(true);
  });

  it('does not let INTEGRATION change workflows', () => {
    // Act
    const granted = roleGrants('INTEGRATION', 'WORKFLOW_UPDATE');

    // Assess
    expect(granted).toBe(false);
  });

  it.each(['READONLY', 'INTEGRATION'] as const)('keeps data key rotation away from %s', (role) => {
    // Act
    const granted = roleGrants(role, 'DATA_KEY_ROTATE');

    // Assess
    expect(granted).toBe(false);
  });

  it('keeps customer data masked for READONLY', () => {
    // Act
    const granted = roleGrants('READONLY', 'CUSTOMER_READ');

    // Assess
    expect(granted).toBe(false);
  });

  it.each(['ADMIN', 'INTEGRATION', 'READONLY'])('knows %s as a built-in role', (name) => {
    // Act
    const builtIn = isBuiltInRole(name);

    // Assess
    expect(builtIn).toBe(true);
  });

  it.each(['admin', 'auditor', 'toString'])('does not take %s for a built-in role', (name) => {
    // Act
    const builtIn = isBuiltInRole(name);

    // Assess
    expect(builtIn).toBe(false);
  });
});
