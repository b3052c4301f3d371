import { systemClock } from '../adapters/clock/system-clock';
import { DynamoRoleStore } from '../adapters/dynamodb/dynamo-role-store';
import type { CallerDeps } from '../http/caller';
import type { RoleStore } from '../ports/role-store';
import { containerPart } from './account-context';
import { controlPlane } from './control-plane';
import { documentClient } from './dynamodb-clients';
import { requestAdmission } from './request-admission';
import { settings } from './settings';

const buildRoles = () => new DynamoRoleStore(documentClient(), settings().controlTableName);
const buildAuthentication = (): CallerDeps => ({
  controlPlane: controlPlane(),
  roles: roles(),
  clock: systemClock,
  stage: settings().stage,
  admit: requestAdmission(),
});

/** The accounts' custom roles, in the control-plane table. */
export const roles = (): RoleStore => containerPart(buildRoles);

/** What turns an API key into a principal, and counts its request against the account's limit, for every account route. */
export const authentication = (): CallerDeps => containerPart(buildAuthentication);
