import * as z from 'zod';

export const ENVIRONMENTS = ['sandbox', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const accountIdSchema = z
  .string()
  .regex(/^[a-z0-9-]{3,32}$/, 'must be 3 to 32 characters of a-z, 0-9 and "-"');

export type AccountStatus = 'PROVISIONING' | 'ACTIVE' | 'SUSPENDED';

/** The statuses the operator may set; PROVISIONING belongs to account creation alone. */
export const OPERATOR_STATUSES = ['ACTIVE', 'SUSPENDED'] as const;
export type OperatorStatus = (typeof OPERATOR_STATUSES)[number];

export interface Account {
  accountId: string;
  name: string;
  environment: Environment;
  region: string;
  status: AccountStatus;
  tableName: string;
  createdOn: string;
  /** When the operator last suspended or reactivated the account. */
  statusChangedOn?: string;
  /** Requests a second the operator allows this account, instead of the stage's default. */
  rateLimitPerSecond?: number;
}

/** The most an operator may give one account: past this, the stage's own throttling decides anyway. */
export const MAX_RATE_LIMIT_PER_SECOND = 10_000;

export { accountTableName } from './account-table';
