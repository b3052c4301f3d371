export const ROLES = ['ADMIN', 'INTEGRATION', 'READONLY'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'ACCOUNT_READ',
  'API_KEY_READ',
  'API_KEY_CREATE',
  'API_KEY_DELETE',
  'WORKFLOW_READ',
  'WORKFLOW_UPDATE',
  'EVENT_READ',
  'EVENT_CREATE',
  'ENTITY_READ',
  'ORDER_READ',
  'CUSTOMER_READ',
  'ORDER_CREATE',
  'LOCATION_READ',
  'LOCATION_UPDATE',
  'INVENTORY_READ',
  'INVENTORY_UPDATE',
  'JOB_READ',
  'JOB_CREATE',
  'EVENT_SOURCE_READ',
  'EVENT_SOURCE_UPDATE',
  'ROLE_READ',
  'ROLE_UPDATE',
  'DATA_KEY_ROTATE',
  'WEBHOOK_MANAGE',
  'RETAILER_READ',
  'RETAILER_UPDATE',
  'SETTINGS_READ',
  'SETTINGS_UPDATE',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READS = PERMISSIONS.filter((permission) => permission.endsWith('_READ'));

/** Who holds which keys and roles is for ADMIN eyes only. */
const ADMIN_ONLY_READS: ReadonlySet<Permission> = new Set(['API_KEY_READ', 'ROLE_READ']);

const INTEGRATION_WRITES: Permission[] = [
  'EVENT_CREATE',
  'ORDER_CREATE',
  'LOCATION_UPDATE',
  'INVENTORY_UPDATE',
  'JOB_CREATE',
];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(PERMISSIONS),
  INTEGRATION: new Set([...READS.filter((p) => !ADMIN_ONLY_READS.has(p)), ...INTEGRATION_WRITES]),
  // READONLY sees orders with customer names, emails, phones and addresses masked.
  READONLY: new Set(READS.filter((p) => !ADMIN_ONLY_READS.has(p) && p !== 'CUSTOMER_READ')),
};

export const roleGrants = (role: Role, permission: Permission): boolean => GRANTS[role].has(permission);

export const isBuiltInRole = (name: string): name is Role => (ROLES as readonly string[]).includes(name);

export const builtInPermissions = (role: Role): ReadonlySet<Permission> => GRANTS[role];
