import type { Clock } from '../../ports/clock';
import type { ControlPlaneStore } from '../../ports/control-plane-store';
import { ForbiddenError } from '../errors';
import { issueApiKey } from './api-key';
import type { AccountPrincipal } from './principal';
import { z } from 'zod';
import { ROLES, type Role } from './roles';

export const issueApiKeyInputSchema = z.strictObject({
  role: z.enum(ROLES),
  retailerId: z.string().trim().min(1).max(200).optional(),
});

export type IssueApiKeyInput = z.infer<typeof issueApiKeyInputSchema>;

/** The key is returned once; only its hash is kept. */
export const issueAccountApiKey = async (
  principal: AccountPrincipal,
  input: IssueApiKeyInput,
  deps: { controlPlane: ControlPlaneStore; clock: Clock },
): Promise<{ keyId: string; apiKey: string; role: Role; retailerId?: string }> => {
  // A key scoped to a retailer can only hand out keys for that same retailer.
  if (principal.retailerId && input.retailerId !== principal.retailerId) {
    throw new ForbiddenError(`This key may only issue keys for retailer ${principal.retailerId}`);
  }
  const { keyId, apiKey, secretHash } = issueApiKey();
  await deps.controlPlane.putApiKey({
    keyId,
    accountId: principal.accountId,
    role: input.role,
    retailerId: input.retailerId,
    secretHash,
    status: 'ACTIVE',
    createdOn: deps.clock.now().toISOString(),
  });
  return { keyId, apiKey, role: input.role, retailerId: input.retailerId };
};
