import { systemClock } from '../adapters/clock/system-clock';
import type { Clock } from '../ports/clock';
import type { RoleStore } from '../ports/role-store';
import { containerPart } from './account-context';
import { roles } from './authentication';

export interface RoleAdministration {
  roles: RoleStore;
  clock: Clock;
}

const build = (): RoleAdministration => ({ roles: roles(), clock: systemClock });

/** What defining an account's custom roles needs. */
export const roleAdministration = (): RoleAdministration => containerPart(build);
