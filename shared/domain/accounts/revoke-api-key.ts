import type { Clock } from '../../ports/clock';
import type { ControlPlaneStore } from '../../ports/control-plane-store';
import { NotFoundError } from '../errors';
import type { AccountPrincipal } from './principal';

/**
 * A key of another account, or outside the caller's retailer scope, is reported as not found,
 * so key ids cannot be probed.
 */
export const revokeAccountApiKey = async (
  principal: AccountPrincipal,
  keyId: string,
  deps: { controlPlane: ControlPlaneStore; clock: Clock },
): Promise<void> => {
  const revoked = await deps.controlPlane.revokeApiKey(
    principal.accountId,
    keyId,
    deps.clock.now().toISOString(),
    principal.retailerId,
  );
  if (!revoked) throw new NotFoundError(`No active API key ${keyId} in this account`);
};
