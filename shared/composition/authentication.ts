import { systemClock } from '../adapters/clock/system-clock';
import { DynamoRoleStore } from '../adapters/dynamodb/dynamo-role-store';
import type { AuthenticationDeps } from '../domain/accounts/authenticate';
import type { RoleStore } from '../ports/role-store';
import { containerPart } from './account-context';
import { controlPlane } from './control-plane';
import { documentClient } from './dynamodb-clients';
import { settings } from './settings';

const buildRoles = () => new DynamoRoleStore(documentClient(), settings().controlTableName);
const buildAuthentication = (): AuthenticationDeps => ({
  controlPlane: controlPlane(),
  roles: roles(),
  clock: systemClock,
  stage: settings().stage,
});

/** The accounts' custom roles, in the control-plane table. */
export const roles = (): RoleStore => containerPart(buildRoles);

/** What turns an API key into a principal, for every account route. */
export const authentication = (): AuthenticationDeps => containerPart(buildAuthentication);
