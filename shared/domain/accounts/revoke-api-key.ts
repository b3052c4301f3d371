import type { Clock } from '../../ports/clock';
import type { ControlPlaneStore } from '../../ports/control-plane-store';
import type { RoleStore } from '../../ports/role-store';
import { NotFoundError, ValidationError } from '../domain-errors';
import { isKeyId } from './api-key';
import type { AccountPrincipal } from './principal';
import { grantedPermissions, requireHeld } from './role-permissions';

/**
 * A key of another account, or outside the caller's retailer scope, is reported as not found,
 * so key ids cannot be probed. A key may revoke only keys that hold no permission it lacks, so
 * a narrow custom role cannot lock out the account's ADMIN keys.
 */
export const revokeAccountApiKey = async (
  { keyId }: { keyId: string },
  principal: AccountPrincipal,
  deps: { controlPlane: ControlPlaneStore; roles: RoleStore; clock: Clock },
): Promise<void> => {
  if (!isKeyId(keyId)) throw new ValidationError('keyId must be 16 hexadecimal characters', 'keyId');
  const notFound = new NotFoundError(`No active API key ${keyId} in this account`);
  const target = await deps.controlPlane.getApiKey(keyId);
  const visible = target?.accountId === principal.accountId && (!principal.retailerId || target.retailerId === principal.retailerId);
  if (!target || !visible) throw notFound;
  requireHeld(principal, await grantedPermissions(principal.accountId, target.role, deps.roles), `revoke a ${target.role} key`);
  const revoked = await deps.controlPlane.revokeApiKey(principal.accountId, keyId, deps.clock.now().toISOString(), principal.retailerId);
  if (!revoked) throw notFound;
};
