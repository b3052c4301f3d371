import { randomUUID } from 'node:crypto';
import { DynamoEngineStore } from '../adapters/dynamodb/dynamo-engine-store';
import { DynamoEntityIndex } from '../adapters/dynamodb/dynamo-entity-index';
import { DynamoOutbox } from '../adapters/dynamodb/outbox';
import { DynamoRetailerClaims } from '../adapters/dynamodb/dynamo-retailer-claims';
import { DynamoEventLog } from '../adapters/dynamodb/dynamo-event-log';
import { DynamoScheduledEvents } from '../adapters/dynamodb/dynamo-scheduled-events';
import { DynamoWorkflowRepository } from '../adapters/dynamodb/dynamo-workflow-repository';
import { accountTableName } from '../domain/accounts/account';
import type { AccountOrchestration } from '../domain/orchestration/account-orchestration';
import { Engine } from '../engine/engine';
import { createCoreRegistry } from '../engine/rules/core/core-rules';
import { WorkflowCache } from '../engine/workflow-cache';
import { registerInventoryRules } from '../domain/inventory/rules/inventory-rules';
import { indexedOrderFinder } from '../domain/orders/awaiting-orders';
import { registerOrderRules } from '../domain/orders/rules/order-rules';
import type { SourcingCatalog } from '../domain/orders/sourcing-catalog';
import { catalogFor } from './catalog';
import { dependencies, documentClient, eventQueue } from './dependencies';

const registry = registerInventoryRules(registerOrderRules(createCoreRegistry()));

/** Stock comes from the engine store (it shows the execution's own changes); the rest from the catalogue. */
const sourcingCatalogFor = (accountId: string): SourcingCatalog => {
  const catalog = catalogFor(accountId);
  return {
    profile: (retailerId) => catalog.profiles.get(retailerId),
    locations: () => catalog.locations.list(),
  };
};
const accounts = new Map<string, AccountOrchestration>();

/**
 * The orchestration of one account, bound to that account's table and kept for the life
 * of the container. Callers pass the accountId of an authenticated principal, of a
 * registered event source, or of a message that only Ordo itself enqueues.
 * Each account has its own workflow cache: retailer ids are only unique within an account.
 */
export const orchestrationFor = (accountId: string): AccountOrchestration => {
  let account = accounts.get(accountId);
  if (!account) {
    const deps = dependencies();
    const { settings } = deps;
    const documents = documentClient();
    const tableName = accountTableName(settings.stage, accountId);
    const store = new DynamoEngineStore(documents, tableName, settings.auditRetentionDays);
    const entityIndex = new DynamoEntityIndex(documents, tableName);
    account = {
      accountId,
      engine: new Engine({
        store,
        registry,
        clock: deps.clock,
        ids: randomUUID,
        loopGuard: settings.loopGuard,
        hopLimit: settings.hopLimit,
        // Popular SKUs make executions collide on one position; each re-run reads fresh stock.
        maxConflictRetries: 10,
        services: { inventory: store, sourcing: sourcingCatalogFor(accountId), orders: indexedOrderFinder(entityIndex) },
        workflowCache: new WorkflowCache({ clock: deps.clock }),
      }),
      registry,
      workflows: new DynamoWorkflowRepository(documents, tableName, store),
      events: new DynamoEventLog(documents, tableName),
      queue: eventQueue(),
      scheduled: new DynamoScheduledEvents(documents, tableName),
      clock: deps.clock,
      eventRecords: store,
      outbox: new DynamoOutbox(documents, tableName),
      entities: store,
      entityIndex,
      claims: new DynamoRetailerClaims(documents, tableName),
    };
    accounts.set(accountId, account);
  }
  return account;
};
