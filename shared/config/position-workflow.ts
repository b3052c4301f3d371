import { DynamoEngineStore } from '../adapters/dynamodb/dynamo-engine-store';
import { DynamoRootEntityLookup } from '../adapters/dynamodb/dynamo-root-entity-lookup';
import { DynamoWorkflowRepository } from '../adapters/dynamodb/dynamo-workflow-repository';
import { accountTableName } from '../domain/accounts/account';
import { WorkflowPresenceCache, type PositionWorkflowDeps } from '../domain/jobs/notify-position-workflow';
import { dependencies, documentClient, eventQueue } from './dependencies';

const accounts = new Map<string, PositionWorkflowDeps>();

/**
 * What the batch processor needs to tell an account's INVENTORY_POSITION workflows of changed
 * counts, kept for the life of the container (with the account's own presence cache). Built
 * from the adapters alone, not from the account's orchestration, so the processor's bundle
 * and cold start carry no engine, rule registry or sourcing.
 * Callers pass the accountId of a chunk that only Ordo itself enqueues.
 */
export const positionWorkflowFor = (accountId: string): PositionWorkflowDeps => {
  let account = accounts.get(accountId);
  if (!account) {
    const { settings, clock } = dependencies();
    const documents = documentClient();
    const tableName = accountTableName(settings.stage, accountId);
    const store = new DynamoEngineStore(documents, tableName, settings.auditRetentionDays);
    account = {
      accountId,
      workflows: new DynamoWorkflowRepository(documents, tableName, store),
      queue: eventQueue(),
      roots: new DynamoRootEntityLookup(documents, tableName),
      presence: new WorkflowPresenceCache(clock),
    };
    accounts.set(accountId, account);
  }
  return account;
};
