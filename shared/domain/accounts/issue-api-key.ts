import type { Clock } from '../../ports/clock';
import type { ControlPlaneStore } from '../../ports/control-plane-store';
import type { RoleStore } from '../../ports/role-store';
import type { RegisteredRetailers } from '../../ports/registered-retailers';
import { requireRegistered } from '../retailers/retailer-gate';
import { ForbiddenError, ValidationError } from '../domain-errors';
import { issueApiKey } from './api-key';
import type { AccountPrincipal } from './principal';
import { permissionsOfRole, requireHeld } from './role-permissions';
import * as z from 'zod';
import { retailerIdSchema } from '../../engine/workflow';

export const issueApiKeyInputSchema = z.strictObject({
  role: z.string().trim().min(1).max(64),
  retailerId: retailerIdSchema.optional(),
  expiresOn: z.iso.datetime({ offset: true }).optional(),
});

export type IssueApiKeyInput = z.infer<typeof issueApiKeyInputSchema>;

export interface IssuedApiKey {
  keyId: string;
  apiKey: string;
  role: string;
  retailerId?: string;
  expiresOn?: string;
}

const expiryOf = (expiresOn: string | undefined, now: Date): string | undefined => {
  if (expiresOn === undefined) return undefined;
  const expiry = new Date(expiresOn);
  if (expiry.getTime() <= now.getTime()) throw new ValidationError('expiresOn: must be in the future', 'expiresOn');
  return expiry.toISOString();
};

/** The key is returned once; only its hash is kept. */
export const issueAccountApiKey = async (
  input: IssueApiKeyInput,
  principal: AccountPrincipal,
  deps: { controlPlane: ControlPlaneStore; roles: RoleStore; clock: Clock; retailersOf: (accountId: string) => RegisteredRetailers },
): Promise<IssuedApiKey> => {
  // A key scoped to a retailer can only hand out keys for that same retailer.
  if (principal.retailerId && input.retailerId !== principal.retailerId) {
    throw new ForbiddenError(`This key may only issue keys for retailer ${principal.retailerId}`);
  }
  const granted = await permissionsOfRole(principal.accountId, input.role, deps.roles);
  if (!granted) {
    throw new ValidationError(`role: ${input.role} is neither a built-in role nor a role of this account`, 'role');
  }
  requireHeld(principal, granted, `issue a ${input.role} key`);
  if (input.retailerId) await requireRegistered(input.retailerId, deps.retailersOf(principal.accountId));
  const now = deps.clock.now();
  const expiresOn = expiryOf(input.expiresOn, now);

  const { keyId, apiKey, secretHash } = issueApiKey();
  await deps.controlPlane.putApiKey({
    keyId,
    accountId: principal.accountId,
    role: input.role,
    retailerId: input.retailerId,
    secretHash,
    status: 'ACTIVE',
    createdOn: now.toISOString(),
    expiresOn,
  });
  return { keyId, apiKey, role: input.role, retailerId: input.retailerId, expiresOn };
};
