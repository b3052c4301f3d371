import type { Clock } from '../../ports/clock';
import type { ControlPlaneStore } from '../../ports/control-plane-store';
import * as z from 'zod';
import { ConflictError, NotFoundError } from '../domain-errors';
import { OPERATOR_STATUSES, type Account } from './account';
import type { OperatorPrincipal } from './principal';

export const accountStatusInputSchema = z.strictObject({ status: z.enum(OPERATOR_STATUSES) });

export type AccountStatusInput = z.infer<typeof accountStatusInputSchema>;

/** What the operator sees of an account: its record, never its wrapped data keys. */
export type OperatorAccountView = Pick<
  Account,
  'accountId' | 'name' | 'environment' | 'region' | 'status' | 'tableName' | 'createdOn' | 'statusChangedOn'
>;

const operatorView = ({ accountId, name, environment, region, status, tableName, createdOn, statusChangedOn }: Account): OperatorAccountView => ({
  accountId,
  name,
  environment,
  region,
  status,
  tableName,
  createdOn,
  statusChangedOn,
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
  if (!(await deps.controlPlane.getAccount(accountId))) throw new NotFoundError(`No account ${accountId}`);
  throw new ConflictError(`Account ${accountId} is still being created; retry POST /v1/accounts first`, 'status');
};
