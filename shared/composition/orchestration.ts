import { randomUUID } from 'node:crypto';
import { systemClock } from '../adapters/clock/system-clock';
import { DynamoEntityIndex } from '../adapters/dynamodb/dynamo-entity-index';
import { DynamoEventLog } from '../adapters/dynamodb/dynamo-event-log';
import { DynamoRetailerClaims } from '../adapters/dynamodb/dynamo-retailer-claims';
import { DynamoScheduledEvents } from '../adapters/dynamodb/dynamo-scheduled-events';
import { DynamoStuckEventRecords } from '../adapters/dynamodb/dynamo-stuck-event-records';
import { FaultInjectingEngineStore } from '../adapters/faults/fault-injecting-engine-store';
import { localPlannedFaults } from '../adapters/faults/planned-faults';
import { DynamoOutbox } from '../adapters/dynamodb/outbox';
import { logContextRunScope } from '../adapters/logging/log-context-run-scope';
import { registerInventoryRules } from '../domain/inventory/rules/inventory-rules';
import type { AccountOrchestration } from '../domain/orchestration/account-orchestration';
import { indexedOrderFinder } from '../domain/orders/awaiting-orders';
import { registerOrderRules } from '../domain/orders/rules/order-rules';
import { registerReturnRules } from '../domain/returns/rules/return-rules';
import type { SourcingCatalog } from '../domain/orders/sourcing-catalog';
import { Engine } from '../engine/engine';
import type { EngineStore } from '../engine/engine-store';
import type { RuleRegistry } from '../engine/rule-registry';
import { createCoreRegistry } from '../engine/rules/core/core-rules';
import { WorkflowCache } from '../engine/workflow-cache';
import type { DataKeys } from '../ports/keyring';
import { accountContext, containerPart, type AccountContext } from './account-context';
import { engineStoreOf, workflowsOf } from './account-stores';
import { catalogPart } from './catalog';
import { dataKeys } from './data-keys';
import { accountMetricsOf } from './account-metrics';
import { settingsReaderOf } from './rule-settings';
import { documentClient } from './dynamodb-clients';
import { registeredRetailersOf } from './retailer-checks';
import { settings } from './settings';
import { eventQueue } from './sqs-queues';

/** The store the engine commits through; on the local stack, with the faults a test planned (see PlannedFaults). */
const engineCommitsOf = (store: EngineStore): EngineStore => {
  const faults = localPlannedFaults(process.env);
  return faults ? new FaultInjectingEngineStore(store, faults) : store;
};

const buildRegistry = (): RuleRegistry => registerReturnRules(registerInventoryRules(registerOrderRules(createCoreRegistry())));

/**
 * Each account has its own engine and workflow cache: retailer ids are only unique within an account.
 * Stock comes from the engine store (it shows the execution's own changes); the rest from the catalogue.
 */
const build = (account: AccountContext): AccountOrchestration => {
  const { tableName } = account;
  const documents = documentClient();
  const store = engineStoreOf(account);
  const catalog = catalogPart(account);
  const entityIndex = new DynamoEntityIndex(documents, tableName);
  const registry = containerPart(buildRegistry);
  const sourcing: SourcingCatalog = {
    profile: (retailerId) => catalog.profiles.get(retailerId),
    locations: () => catalog.locations.list(),
  };
  return {
    accountId: account.accountId,
    engine: new Engine({
      store: engineCommitsOf(store),
      registry,
      clock: systemClock,
      ids: randomUUID,
      loopGuard: settings().loopGuard,
      hopLimit: settings().hopLimit,
      // Popular SKUs make executions collide on one position; each re-run reads fresh stock.
      maxConflictRetries: 10,
      services: { inventory: store, sourcing, orders: indexedOrderFinder(entityIndex), settings: settingsReaderOf(account) },
      workflowCache: new WorkflowCache({ clock: systemClock }),
    }),
    registry,
    workflows: workflowsOf(account),
    events: new DynamoEventLog(documents, tableName),
    queue: eventQueue(),
    scheduled: new DynamoScheduledEvents(documents, tableName),
    clock: systemClock,
    eventRecords: store,
    stuckEvents: new DynamoStuckEventRecords(documents, tableName, settings().auditRetentionDays),
    stuckAfterMs: settings().stuckAfterMinutes * 60_000,
    outbox: new DynamoOutbox(documents, tableName),
    stagedStock: store.staging,
    retailers: registeredRetailersOf(account),
    entities: store,
    entityIndex,
    claims: new DynamoRetailerClaims(documents, tableName),
    metrics: accountMetricsOf(account.accountId),
    runScope: logContextRunScope,
  };
};

/** The orchestration of one account, kept for the life of the container. */
export const orchestrationOf = (accountId: string): AccountOrchestration => accountContext(accountId).part(build);

/** An account's orchestration with the keys that seal the customer data events and orders carry. */
export type SealingOrchestration = AccountOrchestration & { dataKeys: DataKeys };

const buildSealing = (account: AccountContext): SealingOrchestration => ({ ...account.part(build), dataKeys: dataKeys() });

export const sealingOrchestrationOf = (accountId: string): SealingOrchestration => accountContext(accountId).part(buildSealing);
