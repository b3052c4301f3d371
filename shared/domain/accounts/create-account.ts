import type { AccountProfileStore } from '../../ports/account-profile-store';
import type { AccountTableProvisioner } from '../../ports/account-table-provisioner';
import type { Clock } from '../../ports/clock';
import type { ControlPlaneStore } from '../../ports/control-plane-store';
import * as z from 'zod';
import { ENVIRONMENTS, accountIdSchema, accountTableName, type Environment } from './account';
import { ConflictError } from '../domain-errors';
import { issueApiKey } from './api-key';
import type { OperatorPrincipal } from './principal';

export const createAccountInputSchema = z.strictObject({
  accountId: accountIdSchema,
  name: z.string().trim().min(1).max(200).optional(),
  environment: z.enum(ENVIRONMENTS).optional(),
});

export type CreateAccountInput = z.infer<typeof createAccountInputSchema>;

export interface CreateAccountDeps {
  controlPlane: ControlPlaneStore;
  tables: AccountTableProvisioner;
  profiles: AccountProfileStore;
  clock: Clock;
  stage: string;
  region: string;
}

export interface CreatedAccount {
  accountId: string;
  environment: Environment;
  tableName: string;
  keyId: string;
  apiKey: string;
}

/**
 * Claims the account id first, then creates the account's table and its first ADMIN key.
 * Every step is idempotent, so an attempt that failed halfway is completed by a retry.
 */
export const createAccount = async (
  input: CreateAccountInput,
  _operator: OperatorPrincipal,
  deps: CreateAccountDeps,
): Promise<CreatedAccount> => {
  const createdOn = deps.clock.now().toISOString();
  const tableName = accountTableName(deps.stage, input.accountId);
  const environment = input.environment ?? 'sandbox';
  const name = input.name ?? input.accountId;

  try {
    await deps.controlPlane.createAccount({
      accountId: input.accountId,
      name,
      environment,
      region: deps.region,
      status: 'PROVISIONING',
      tableName,
      createdOn,
    });
  } catch (error) {
    // An account left PROVISIONING by a failed attempt is finished by the retry;
    // only a fully provisioned account is a conflict.
    const existing = error instanceof ConflictError ? await deps.controlPlane.getAccount(input.accountId) : undefined;
    if (existing?.status !== 'PROVISIONING') throw error;
  }
  await deps.tables.provision(tableName);
  await deps.profiles.put(tableName, { accountId: input.accountId, name, environment, createdOn });

  const { keyId, apiKey, secretHash } = issueApiKey();
  await deps.controlPlane.putApiKey({
    keyId,
    accountId: input.accountId,
    role: 'ADMIN',
    secretHash,
    status: 'ACTIVE',
    createdOn,
  });
  await deps.controlPlane.markAccountActive(input.accountId);

  return { accountId: input.accountId, environment, tableName, keyId, apiKey };
};
