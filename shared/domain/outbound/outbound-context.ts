import type { JobStore } from '../../ports/job-store';
import type { DataKeys } from '../../ports/keyring';

/** What turning an account's changes into outbound events reads. */
export interface OutboundContext {
  accountId: string;
  /** The account's data keys, which open the customer data sealed in orders. */
  keys: DataKeys;
  /** A finished batch names neither its retailer nor its counts: both are read from the job. */
  jobs: Pick<JobStore, 'getJob' | 'loadBatch'>;
}
