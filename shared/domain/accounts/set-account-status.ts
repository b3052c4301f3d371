import type { Clock } from '../../ports/clock';
import type { ControlPlaneStore } from '../../ports/control-plane-store';
import { ConflictError, NotFoundError } from '../domain-errors';
import type { Account, OperatorStatus } from './account';
import type { OperatorPrincipal } from './principal';

export interface AccountStatusInput {
  status: OperatorStatus;
}

/** What the operator sees of an account: its record, never its wrapped data keys. */
export type OperatorAccountView = Pick<
  Account,
  'accountId' | 'name' | 'environment' | 'region' | 'status' | 'tableName' | 'createdOn' | 'statusChangedOn' | 'rateLimitPerSecond'
>;

export const operatorView = ({
  accountId,
  name,
  environment,
  region,
  status,
  tableName,
  createdOn,
  statusChangedOn,
  rateLimitPerSecond,
}: Account): OperatorAccountView => ({
  accountId,
  name,
  environment,
  region,
  status,
  tableName,
  createdOn,
  statusChangedOn,
  rateLimitPerSecond,
});

/**
 * Suspends or reactivates an account. Keys read the account on every request, so the change
 * holds from the next request of any of its keys.
 */
export const setAccountStatus = async (
  { accountId, status }: AccountStatusInput & { accountId: string },
  _operator: OperatorPrincipal,
  deps: { controlPlane: ControlPlaneStore; clock: Clock },
): Promise<OperatorAccountView> => {
  const changed = await deps.controlPlane.setAccountStatus(accountId, status, deps.clock.now().toISOString());
  if (changed) return operatorView(changed);
  return refuseUnchangeable(accountId, 'status', deps.controlPlane);
};

/** Why the operator could not change the account: it does not exist, or it is still being created. */
export const refuseUnchangeable = async (accountId: string, field: string, controlPlane: ControlPlaneStore): Promise<never> => {
  if (!(await controlPlane.getAccount(accountId))) throw new NotFoundError(`No account ${accountId}`);
  throw new ConflictError(`Account ${accountId} is still being created; retry POST /v1/accounts first`, field);
};
