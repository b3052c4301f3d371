import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoEngineStore } from '../../shared/adapters/dynamodb/dynamo-engine-store';
import { accountTableSchema } from '../../shared/adapters/dynamodb/table-schemas';
import { DynamoWorkflowRepository } from '../../shared/adapters/dynamodb/dynamo-workflow-repository';
import { Engine } from '../../shared/engine/engine';
import { InsufficientStockError, VersionConflictError } from '../../shared/engine/engine-errors';
import type { Entity, OrdoEvent, StockPosition, UnitOfWork } from '../../shared/engine/engine-model';
import type { StockRead } from '../../shared/engine/engine-store';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createCoreRegistry } from '../../shared/engine/rules/core/core-rules';
import type { Ruleset, Workflow, WorkflowRule } from '../../shared/engine/workflow';
import { systemClock } from '../../shared/adapters/clock/system-clock';
import { localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';
import { registerStockRules } from '../unit/engine/fixtures/inventory';

export const rule = (name: string, props: Record<string, unknown> = {}): WorkflowRule => ({ name, props });
export const ruleset = (name: string, rules: WorkflowRule[]): Ruleset => ({ name, type: 'ORDER', rules });

/** Opens once `count` callers have arrived, so they all read the same stock before any of them commits. */
export const barrierFor = (count: number) => {
  let arrived = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    arrived += 1;
    if (arrived === count) open();
    await opened;
  };
};

/** Counts the commits of every RacingStore that failed on stock or on a conflict; reset before a race. */
export const raceCounts = { stockFailures: 0, conflicts: 0 };

/** Holds its first inventory read until `barrier` opens, and counts the commits that failed on stock or on a conflict. */
export class RacingStore extends DynamoEngineStore {
  private barrier: (() => Promise<void>) | undefined;

  constructor(documents: DynamoDBDocumentClient, table: string, barrier: () => Promise<void>) {
    super(documents, table, 30);
    this.barrier = barrier;
  }

  override async positions(skuRefs: string[], read?: StockRead): Promise<StockPosition[]> {
    const levels = await super.positions(skuRefs, read);
    const barrier = this.barrier;
    this.barrier = undefined;
    await barrier?.();
    return levels;
  }

  override async commit(uow: UnitOfWork): Promise<void> {
    try {
      await super.commit(uow);
    } catch (error) {
      if (error instanceof InsufficientStockError) raceCounts.stockFailures += 1;
      if (error instanceof VersionConflictError) raceCounts.conflicts += 1;
      throw error;
    }
  }
}

export interface StockHarnessOptions {
  /** The account table the suite creates and drops. */
  table: string;
  retailerId: string;
  /** Each SKU gets its own ORDER workflow, of subtype `<subtype>-<skuRef>`. */
  subtype: string;
  /** The one location that holds the stock. */
  location: string;
  /** The workflow of a fresh SKU's orders. */
  workflow: (skuRef: string) => Workflow;
}

/**
 * Orders that reserve stock through a real engine over an account table in DynamoDB Local:
 * one workflow per SKU, so the tests of a suite never share a position.
 */
export const stockHarness = ({ table, retailerId, subtype, location, workflow }: StockHarnessOptions) => {
  const raw = localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '');
  const documents = createDocumentClient(raw);
  const store = new DynamoEngineStore(documents, table, 30);
  const workflows = new DynamoWorkflowRepository(documents, table, store);

  /** A real engine over the account table that reads stock through the same store. */
  const newEngine = (engineStore: DynamoEngineStore = store, maxConflictRetries = 50) =>
    new Engine({
      store: engineStore,
      registry: registerStockRules(createCoreRegistry()),
      clock: systemClock,
      ids: randomUUID,
      services: { inventory: engineStore },
      // Twenty executions on one hot item: DynamoDB answers some with TransactionConflict.
      maxConflictRetries,
    });

  const orderEvent = (name: string, ref: string, skuRef: string, attributes?: Record<string, unknown>): OrdoEvent => ({
    id: randomUUID(),
    name,
    retailerId,
    entityType: 'ORDER',
    entityRef: ref,
    entitySubtype: `${subtype}-${skuRef}`,
    source: 'API',
    ...(attributes ? { attributes } : {}),
  });

  /** A fresh SKU with its own workflow saved, and no stock yet. */
  const skuWithWorkflow = async (): Promise<string> => {
    const skuRef = `SKU-${randomUUID().slice(0, 8)}`;
    await workflows.saveNewVersion(workflow(skuRef), new Date().toISOString());
    return skuRef;
  };

  /** The position as committed: its count and reservations, read the way the engine reads them. */
  const storedPosition = async (skuRef: string) => (await store.positions([skuRef])).find((level) => level.locationRef === location);

  const storedOrder = async (ref: string): Promise<Entity | undefined> =>
    (await store.loadRoot(retailerId, 'ORDER', ref)).find((entity) => entity.entityType === 'ORDER');

  /** Creates a BOOKED order wanting `qty` units of the SKU. */
  const bookedOrder = async (skuRef: string, qty: number): Promise<string> => {
    const ref = `O-${randomUUID().slice(0, 8)}`;
    await newEngine().process(orderEvent('CREATE', ref, skuRef, { qty }));
    return ref;
  };

  const createTable = async () => {
    await raw.send(new CreateTableCommand(accountTableSchema(table)));
  };

  const dropTable = async () => {
    await raw.send(new DeleteTableCommand({ TableName: table }));
    raw.destroy();
  };

  return { documents, store, newEngine, orderEvent, skuWithWorkflow, storedPosition, storedOrder, bookedOrder, createTable, dropTable };
};
