import type { Clock } from '../../ports/clock';
import type { ControlPlaneStore } from '../../ports/control-plane-store';
import type { RoleStore } from '../../ports/role-store';
import { AccountSuspendedError, ForbiddenError, UnauthenticatedError } from '../domain-errors';
import { accountTableName } from './account';
import { parseApiKey, secretMatches, type ApiKeyRecord } from './api-key';
import type { AccountPrincipal } from './principal';
import { grantedPermissions } from './role-permissions';
import type { Permission } from './roles';

export interface AuthenticationDeps {
  controlPlane: ControlPlaneStore;
  roles: RoleStore;
  clock: Clock;
  stage: string;
  /** Told when lastUsedOn could not be written; the request goes on regardless. */
  onUseNotRecorded?: (error: unknown) => void;
}

const LAST_USED_RESOLUTION_MS = 60_000;

const isLive = (record: ApiKeyRecord, now: Date): boolean =>
  record.status === 'ACTIVE' && (record.expiresOn === undefined || Date.parse(record.expiresOn) > now.getTime());

/** lastUsedOn is a hint for people, not a guard: a failed write must never refuse the request. */
const recordUse = async (record: ApiKeyRecord, now: Date, deps: AuthenticationDeps): Promise<void> => {
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
  if (record.lastUsedOn !== undefined && record.lastUsedOn > staleBefore) return;
  try {
    await deps.controlPlane.recordApiKeyUse(record.keyId, now.toISOString(), staleBefore);
  } catch (error) {
    deps.onUseNotRecorded?.(error);
  }
};

const UNKNOWN_KEY = 'The API key is unknown, revoked or expired';

/**
 * Turns an API key into the principal it belongs to, or refuses: 401 for a key that is not live,
 * 403 ACCOUNT_SUSPENDED for any key of a suspended account. The account and the role are read on
 * every request, never cached, so a suspension or a changed role holds from the next request on.
 */
export const authenticateApiKey = async (apiKey: string | undefined, deps: AuthenticationDeps): Promise<AccountPrincipal> => {
  const parsed = apiKey ? parseApiKey(apiKey) : undefined;
  if (!parsed) throw new UnauthenticatedError();

  const now = deps.clock.now();
  const record = await deps.controlPlane.getApiKey(parsed.keyId);
  // One answer for unknown, revoked, expired and forged keys, so none can be told apart.
  if (!record || !secretMatches(parsed.secret, record.secretHash) || !isLive(record, now)) {
    throw new UnauthenticatedError(UNKNOWN_KEY);
  }
  const [status, permissions] = await Promise.all([
    deps.controlPlane.getAccountStatus(record.accountId),
    grantedPermissions(record.accountId, record.role, deps.roles),
  ]);
  if (!status) throw new UnauthenticatedError(UNKNOWN_KEY);
  if (status === 'SUSPENDED') throw new AccountSuspendedError();
  // Only a key that got in counts as used; at most one write a minute, so its wait is rare.
  await recordUse(record, now, deps);
  return {
    kind: 'account',
    accountId: record.accountId,
    keyId: record.keyId,
    role: record.role,
    permissions,
    retailerId: record.retailerId,
    tableName: accountTableName(deps.stage, record.accountId),
  };
};

export const requirePermission = (principal: AccountPrincipal, permission: Permission): void => {
  if (!principal.permissions.has(permission)) {
    throw new ForbiddenError(`Role ${principal.role} lacks the ${permission} permission`);
  }
};
