import * as z from 'zod';
import type { Clock } from '../../ports/clock';
import type { ControlPlaneStore } from '../../ports/control-plane-store';
import { MAX_RATE_LIMIT_PER_SECOND, OPERATOR_STATUSES } from './account';
import type { OperatorPrincipal } from './principal';
import { operatorView, refuseUnchangeable, setAccountStatus, type OperatorAccountView } from './set-account-status';

/** What the operator may change of an account: its status, its own rate limit (null: back to the stage's default), or both. */
export const updateAccountInputSchema = z
  .strictObject({
    status: z.enum(OPERATOR_STATUSES).optional(),
    rateLimitPerSecond: z.number().int().min(1).max(MAX_RATE_LIMIT_PER_SECOND).nullable().optional(),
  })
  .refine((input) => input.status !== undefined || input.rateLimitPerSecond !== undefined, {
    message: 'name status, rateLimitPerSecond or both',
    path: ['status'],
  });

export type UpdateAccountInput = z.infer<typeof updateAccountInputSchema>;

/**
 * Changes what the operator asked of the account. A new rate limit holds within a minute: each
 * container keeps an account's limit that long.
 */
export const updateAccount = async (
  { accountId, status, rateLimitPerSecond }: UpdateAccountInput & { accountId: string },
  operator: OperatorPrincipal,
  deps: { controlPlane: ControlPlaneStore; clock: Clock },
): Promise<OperatorAccountView> => {
  const withStatus = status === undefined ? undefined : await setAccountStatus({ accountId, status }, operator, deps);
  // The schema asks for one of the two: without a limit to set, the status was set.
  if (rateLimitPerSecond === undefined) return withStatus as OperatorAccountView;
  const changed = await deps.controlPlane.setAccountRateLimit(accountId, rateLimitPerSecond ?? undefined);
  return changed ? operatorView(changed) : refuseUnchangeable(accountId, 'rateLimitPerSecond', deps.controlPlane);
};
