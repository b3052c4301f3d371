import { DynamoEngineStore } from '../adapters/dynamodb/dynamo-engine-store';
import { DynamoWorkflowRepository } from '../adapters/dynamodb/dynamo-workflow-repository';
import type { WorkflowRepository } from '../ports/workflow-repository';
import { currentLogContext } from '../runtime/log-context';
import type { AccountContext } from './account-context';
import { documentClient } from './dynamodb-clients';
import { settings } from './settings';

const buildEngineStore = ({ tableName }: AccountContext) =>
  new DynamoEngineStore(documentClient(), tableName, settings().auditRetentionDays, currentLogContext);
const buildWorkflows = (account: AccountContext) =>
  new DynamoWorkflowRepository(documentClient(), account.tableName, engineStoreOf(account));

/** The account's entities, events, stock and audit trail: one store for the engine and for everyone who reads them. */
export const engineStoreOf = (account: AccountContext): DynamoEngineStore => account.part(buildEngineStore);

/** The account's workflows. */
export const workflowsOf = (account: AccountContext): WorkflowRepository => account.part(buildWorkflows);
