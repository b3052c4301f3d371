import { systemClock } from '../adapters/clock/system-clock';
import { DynamoRootEntityLookup } from '../adapters/dynamodb/dynamo-root-entity-lookup';
import { WorkflowPresenceCache, type PositionWorkflowDeps } from '../domain/jobs/notify-position-workflow';
import { accountContext, type AccountContext } from './account-context';
import { workflowsOf } from './account-stores';
import { documentClient } from './dynamodb-clients';
import { settingsReaderOf } from './rule-settings';
import { eventQueue } from './sqs-queues';

/**
 * Built from the adapters alone, not from the account's orchestration, so the batch processor's
 * bundle and cold start carry no engine, rule registry or sourcing.
 */
const build = (account: AccountContext): PositionWorkflowDeps => ({
  accountId: account.accountId,
  workflows: workflowsOf(account),
  queue: eventQueue(),
  roots: new DynamoRootEntityLookup(documentClient(), account.tableName),
  presence: new WorkflowPresenceCache(systemClock),
  settings: settingsReaderOf(account),
});

/**
 * What the batch processor needs to tell an account's INVENTORY_POSITION workflows of changed counts.
 * Callers pass the accountId of a chunk that only Ordo itself enqueues.
 */
export const positionWorkflowOf = (accountId: string): PositionWorkflowDeps => accountContext(accountId).part(build);
