import { systemClock } from '../adapters/clock/system-clock';
import type { Clock } from '../ports/clock';
import type { ControlPlaneStore } from '../ports/control-plane-store';
import type { RoleStore } from '../ports/role-store';
import { containerPart } from './account-context';
import { roles } from './authentication';
import { controlPlane } from './control-plane';

export interface ApiKeyAdministration {
  controlPlane: ControlPlaneStore;
  roles: RoleStore;
  clock: Clock;
}

const build = (): ApiKeyAdministration => ({ controlPlane: controlPlane(), roles: roles(), clock: systemClock });

/** What issuing and revoking an account's API keys needs: the keys, the roles they may carry, the time. */
export const apiKeyAdministration = (): ApiKeyAdministration => containerPart(build);
