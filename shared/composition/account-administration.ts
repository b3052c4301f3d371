import { systemClock } from '../adapters/clock/system-clock';
import type { CreateAccountDeps } from '../domain/accounts/create-account';
import { containerPart } from './account-context';
import { accountProfiles } from './account-profiles';
import { accountTables } from './account-tables';
import { controlPlane } from './control-plane';
import { settings } from './settings';

const build = (): CreateAccountDeps => ({
  controlPlane: controlPlane(),
  tables: accountTables(),
  profiles: accountProfiles(),
  clock: systemClock,
  stage: settings().stage,
  region: settings().region,
});

/** What the operator's account routes need: the control plane, the account tables and their profiles. */
export const accountAdministration = (): CreateAccountDeps => containerPart(build);
