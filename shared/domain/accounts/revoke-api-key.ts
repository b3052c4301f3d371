import type { Clock } from '../../ports/clock';
import type { ControlPlaneStore } from '../../ports/control-plane-store';
import { NotFoundError, ValidationError } from '../errors';
import type { AccountPrincipal } from './principal';

/** What issueApiKey makes: any other key id names no key. */
const KEY_ID = /^[0-9a-f]{16}$/;

/**
 * A key of another account, or outside the caller's retailer scope, is reported as not found,
 * so key ids cannot be probed.
 */
export const revokeAccountApiKey = async (
  principal: AccountPrincipal,
  keyId: string,
  deps: { controlPlane: ControlPlaneStore; clock: Clock },
): Promise<void> => {
  if (!KEY_ID.test(keyId)) throw new ValidationError('keyId must be 16 hexadecimal characters', 'keyId');
  const revoked = await deps.controlPlane.revokeApiKey(
    principal.accountId,
    keyId,
    deps.clock.now().toISOString(),
    principal.retailerId,
  );
  if (!revoked) throw new NotFoundError(`No active API key ${keyId} in this account`);
};
