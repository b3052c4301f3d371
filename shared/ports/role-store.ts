import type { CustomRole } from '../domain/accounts/custom-role';

/** The custom roles of each account. */
export interface RoleStore {
  /** Strongly consistent, so a key follows a change of its role from the next request on. */
  get(accountId: string, name: string): Promise<CustomRole | undefined>;
  list(accountId: string): Promise<CustomRole[]>;
  /**
   * Writes the role only if it is still as the caller read it: absent when `readUpdatedOn` is
   * undefined, last updated at `readUpdatedOn` otherwise. Returns false when it changed meanwhile.
   */
  put(role: CustomRole, readUpdatedOn: string | undefined): Promise<boolean>;
}
