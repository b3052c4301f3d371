import type { CustomRole } from '../../shared/domain/accounts/custom-role';
import type { RoleStore } from '../../shared/ports/role-store';

/** Keeps custom roles in a map, with the same conditional write the port promises. */
export class InMemoryRoleStore implements RoleStore {
  readonly roles = new Map<string, CustomRole>();

  private static keyOf(accountId: string, name: string): string {
    return `${accountId}/${name}`;
  }

  async get(accountId: string, name: string): Promise<CustomRole | undefined> {
    const role = this.roles.get(InMemoryRoleStore.keyOf(accountId, name));
    return role && { ...role, permissions: [...role.permissions] };
  }

  async list(accountId: string): Promise<CustomRole[]> {
    return [...this.roles.values()].filter((role) => role.accountId === accountId).map((role) => ({ ...role }));
  }

  async put(role: CustomRole, readUpdatedOn: string | undefined): Promise<boolean> {
    const key = InMemoryRoleStore.keyOf(role.accountId, role.name);
    if (this.roles.get(key)?.updatedOn !== readUpdatedOn) return false;
    this.roles.set(key, { ...role, permissions: [...role.permissions] });
    return true;
  }

  /** Stores a role as an earlier request would have. */
  seed(accountId: string, name: string, permissions: CustomRole['permissions']): void {
    const on = '2025-01-01T00:00:00.000Z';
    this.roles.set(InMemoryRoleStore.keyOf(accountId, name), { accountId, name, permissions, createdOn: on, updatedOn: on });
  }
}
