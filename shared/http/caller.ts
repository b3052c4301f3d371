import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { authenticateApiKey, requirePermission, type AuthenticationDeps } from '../domain/accounts/authenticate';
import type { AccountPrincipal } from '../domain/accounts/principal';
import type { RequestAdmission } from '../domain/accounts/request-rate';
import type { Permission } from '../domain/accounts/roles';
import { UnauthenticatedError } from '../domain/domain-errors';
import { logger } from '../runtime/logger';

const bearerToken = (event: APIGatewayProxyEvent): string | undefined => {
  const header = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
};

const digest = (value: string) => createHash('sha256').update(value).digest();

// The key's id and secret stay out of the line: the error's name and message say enough.
const logUseNotRecorded = (error: unknown) =>
  logger.warn('lastUsedOn not recorded', { errorName: (error as Error)?.name, errorMessage: (error as Error)?.message });

/** What lets a key in: its authentication, and its account's rate limit when there is one. */
export type CallerDeps = AuthenticationDeps & { admit?: RequestAdmission };

/**
 * The account principal behind the request's API key, counted against its account's rate limit
 * and checked for one permission. Every authenticated request counts, a forbidden one too: it
 * cost the stage as much.
 */
export const accountCaller = async (event: APIGatewayProxyEvent, permission: Permission, deps: CallerDeps): Promise<AccountPrincipal> => {
  const principal = await authenticateApiKey(bearerToken(event), { onUseNotRecorded: logUseNotRecorded, ...deps });
  await deps.admit?.(principal);
  requirePermission(principal, permission);
  return principal;
};

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Only the platform operator's key passes; an account's ADMIN key is not enough. Ordo keeps only
 * the key's SHA-256 (hex), so the caller's token is hashed and the two digests are compared in
 * constant time. An empty or malformed hash lets nobody in: the operator routes are off.
 */
export const requireOperator = (event: APIGatewayProxyEvent, operatorKeyHash: string): void => {
  const token = bearerToken(event);
  const expected = operatorKeyHash.trim().toLowerCase();
  if (!token || !SHA256_HEX.test(expected) || !timingSafeEqual(digest(token), Buffer.from(expected, 'hex'))) {
    throw new UnauthenticatedError('This route needs the operator key: send "Authorization: Bearer <operator key>"');
  }
};
