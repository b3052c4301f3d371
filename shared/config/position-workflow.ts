import { DynamoRootEntityLookup } from '../adapters/dynamodb/root-entity-lookup';
import { accountTableName } from '../domain/accounts/account';
import { WorkflowPresenceCache, type PositionWorkflowDeps } from '../domain/jobs/notify-position-workflow';
import { dependencies, documentClient } from './dependencies';
import { orchestrationFor } from './orchestration';

const accounts = new Map<string, PositionWorkflowDeps>();

/**
 * What the batch processor needs to tell an account's INVENTORY_POSITION workflows of changed
 * counts, kept for the life of the container (with the account's own presence cache).
 * Callers pass the accountId of a chunk that only Ordo itself enqueues.
 */
export const positionWorkflowFor = (accountId: string): PositionWorkflowDeps => {
  let account = accounts.get(accountId);
  if (!account) {
    const { settings, clock } = dependencies();
    const orchestration = orchestrationFor(accountId);
    account = {
      accountId,
      workflows: orchestration.workflows,
      queue: orchestration.queue,
      roots: new DynamoRootEntityLookup(documentClient(), accountTableName(settings.stage, accountId)),
      presence: new WorkflowPresenceCache(clock),
    };
    accounts.set(accountId, account);
  }
  return account;
};
