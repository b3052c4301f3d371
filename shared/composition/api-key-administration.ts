import { systemClock } from '../adapters/clock/system-clock';
import type { Clock } from '../ports/clock';
import type { ControlPlaneStore } from '../ports/control-plane-store';
import type { RoleStore } from '../ports/role-store';
import { accountContext, containerPart } from './account-context';
import { registeredRetailersOf } from './retailer-checks';
import type { RegisteredRetailers } from '../ports/registered-retailers';
import { roles } from './authentication';
import { controlPlane } from './control-plane';

export interface ApiKeyAdministration {
  controlPlane: ControlPlaneStore;
  roles: RoleStore;
  clock: Clock;
  /** A key scoped to a retailer names one the account registered. */
  retailersOf: (accountId: string) => RegisteredRetailers;
}

const build = (): ApiKeyAdministration => ({
  controlPlane: controlPlane(),
  roles: roles(),
  clock: systemClock,
  retailersOf: (accountId) => registeredRetailersOf(accountContext(accountId)),
});

/** What issuing and revoking an account's API keys needs: the keys, the roles they may carry, the time. */
export const apiKeyAdministration = (): ApiKeyAdministration => containerPart(build);
