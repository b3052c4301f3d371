import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { netInventoryChanges, type PositionDelta } from '../../engine/stock-changes';
import type { AuditRecord, Entity, EntityChange, EventRecord, StockPosition, UnitOfWork } from '../../engine/engine-model';
import type { EngineStore, InventoryReader, StockRead } from '../../engine/engine-store';
import type { Workflow, WorkflowKey } from '../../engine/workflow';
import { TRANSACTION_LIMIT, TransactionTooLargeError } from './transaction-limit';
import { writeAll } from './batch-writer';
import { commitFailure } from './commit-failure';
import {
  EVENT_SORT_KEY,
  auditItem,
  entityFromItem,
  entityItem,
  eventPartition,
  eventRecordFromItem,
  outboxItem,
  refClaimItem,
  rootPartition,
  scheduledItem,
  workflowPartition,
  workflowSortKey,
} from './engine-items';
import { eventIdClaimPut, eventRecordUpdate } from './event-record-write';
import { recordDuplicateDelivery } from './duplicate-delivery';
import { DynamoStockReader } from './dynamo-stock-reader';
import { positionWrites, type PositionWrite } from './position-writes';
import { queryAll } from './query-all';
import { StockStaging, byPosition, splitStock } from './staged-stock';

// Callers and tests know the limit and its error from the store that enforces them.
export { TRANSACTION_LIMIT, TransactionTooLargeError };

const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** A root entity created by this change: its retailer claims its ref. */
const createsRoot = ({ entity, expectedVersion }: EntityChange) =>
  expectedVersion === null && entity.entityType === entity.rootEntityType && entity.ref === entity.rootRef;

/**
 * The engine's store on one account's table. `commit` is one TransactWriteItems call:
 * the event record (which doubles as the processed marker), entity changes conditioned on
 * their version, one conditioned update per inventory position changed, outbox and scheduled
 * records, and the audit trail. When the audit trail does not fit, the state-bearing items
 * still commit atomically; see shared/engine/README.md. Roots and events live in their
 * retailer's partitions, and the transaction claims a new root's ref and the event's id for the
 * retailer (see engine-items.ts). It also reads inventory positions for rules (InventoryReader),
 * consistently.
 */
export class DynamoEngineStore implements EngineStore, InventoryReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retentionDays: number,
    /** The chain the commit belongs to, kept on the items the relay hands on, so its log lines continue it. */
    private readonly chain: () => { correlationId?: string } = () => ({}),
  ) {
    this.staging = new StockStaging(client, tableName);
    this.stock = new DynamoStockReader(client, tableName);
  }

  private readonly stock: DynamoStockReader;

  /** Stock of a commit too large for one transaction, written ahead of it and taken back if it fails. */
  readonly staging: StockStaging;

  async loadRoot(retailerId: string, rootEntityType: string, rootRef: string): Promise<Entity[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :entity)',
      ExpressionAttributeValues: { ':pk': rootPartition(retailerId, rootEntityType, rootRef), ':entity': 'ENTITY#' },
      ConsistentRead: true,
    });
    return items.map(entityFromItem);
  }

  async loadWorkflow(key: WorkflowKey, version?: number): Promise<Workflow | undefined> {
    if (version !== undefined) {
      const { Item } = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: { PK: workflowPartition(key), SK: workflowSortKey(version) } }),
      );
      return Item?.workflow as Workflow | undefined;
    }
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :v)',
        ExpressionAttributeValues: { ':pk': workflowPartition(key), ':v': 'V#' },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return Items[0]?.workflow as Workflow | undefined;
  }

  /** Stock of these SKUs, from the read model or exactly (see DynamoStockReader); exactly unless asked. */
  async positions(skuRefs: string[], read: StockRead = 'exact'): Promise<StockPosition[]> {
    return this.stock.positions(skuRefs, read);
  }

  async getEvent(retailerId: string, eventId: string): Promise<EventRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { PK: eventPartition(retailerId, eventId), SK: EVENT_SORT_KEY },
        ConsistentRead: true,
      }),
    );
    return Item ? eventRecordFromItem(Item) : undefined;
  }

  async commit(uow: UnitOfWork): Promise<void> {
    const expiresAt = epochSeconds(uow.event.receivedOn) + this.retentionDays * 86_400;
    const updatedOn = uow.event.processedOn ?? uow.event.receivedOn;
    const stock = await this.stockWrites(netInventoryChanges(uow.inventory), updatedOn);
    const { retailerId, id: eventId } = uow.event.event;
    const { correlationId } = this.chain();
    const chain = correlationId ? { correlationId } : {};
    const tail = [
      ...uow.outbox.map((record) => ({ Put: { TableName: this.tableName, Item: { ...outboxItem({ retailerId, eventId }, record, expiresAt), ...chain } } })),
      ...uow.scheduled.map((record) => ({ Put: { TableName: this.tableName, Item: scheduledItem(record) } })),
      ...uow.entities.filter(createsRoot).map(({ entity }) => ({
        Put: { TableName: this.tableName, Item: refClaimItem(entity.retailerId, entity.rootEntityType, entity.rootRef) },
      })),
      eventIdClaimPut(this.tableName, uow.event, expiresAt),
    ];
    // One item is kept for the audit trail's OUTCOME; stock beyond the rest is staged ahead (see staged-stock.ts).
    const stockRoom = TRANSACTION_LIMIT - 1 - (1 + uow.entities.length + tail.length);
    const split = splitStock(byPosition(stock), stockRoom);
    if (!split) throw new TransactionTooLargeError(uow.entities.length + tail.length - 1 + stock.length);
    const finalStock = split.final.flatMap(({ delta, writes }) => writes.map((write) => ({ write, delta })));
    const staged = await this.staging.stage(eventId, new Date().toISOString(), split.chunks);
    // Conditioned items first, in the order commitFailure reads the cancellation reasons.
    const required = [
      eventRecordUpdate(this.tableName, uow.event, expiresAt),
      ...uow.entities.map(({ entity, expectedVersion, statusChanges }) => ({
        Put: {
          TableName: this.tableName,
          // The moves of this commit only: the next commit's Put replaces them, and loads leave them out.
          Item: { ...entityItem(entity), ...(statusChanges ? { statusChanges } : {}), ...chain },
          ...(expectedVersion === null
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : {
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
        },
      })),
      ...finalStock.map(({ write }) => write),
      ...tail,
      ...this.staging.commitGuards(staged),
    ];

    const startedAt = uow.audit[0]?.at ?? uow.event.receivedOn;
    const auditPut = (record: AuditRecord) => ({
      Put: { TableName: this.tableName, Item: auditItem(record, retailerId, startedAt, expiresAt) },
    });
    const room = TRANSACTION_LIMIT - required.length;
    // The first records and the final OUTCOME go in the transaction; the middle of an
    // oversized trail follows right after the commit.
    const inTransaction =
      uow.audit.length <= room ? uow.audit : [...uow.audit.slice(0, room - 1), uow.audit[uow.audit.length - 1]];
    const overflow = uow.audit.length <= room ? [] : uow.audit.slice(room - 1, -1);

    try {
      await this.client.send(
        new TransactWriteCommand({ TransactItems: [...required, ...inTransaction.map(auditPut)] }),
      );
    } catch (error) {
      await this.staging.takeBack(staged);
      throw commitFailure(error, uow, finalStock);
    }
    if (overflow.length) {
      await writeAll(
        this.client,
        this.tableName,
        overflow.map((record) => auditPut(record).Put.Item),
      );
    }
  }

  /** Notes a redelivery of an already processed event on its record and trail. */
  async recordDuplicate(retailerId: string, eventId: string, at: string): Promise<void> {
    await recordDuplicateDelivery(this.client, this.tableName, { retailerId, eventId, at });
  }

  /** An event accepted for asynchronous processing, visible as PENDING until it runs. */
  async recordPending(record: EventRecord): Promise<void> {
    const expiresAt = epochSeconds(record.receivedOn) + this.retentionDays * 86_400;
    await this.client
      .send(
        new TransactWriteCommand({
          TransactItems: [eventRecordUpdate(this.tableName, record, expiresAt, 'NEW_ONLY'), eventIdClaimPut(this.tableName, record, expiresAt)],
        }),
      )
      .catch((error: unknown) => {
        // A resent event id keeps its first record; the engine reports the duplicate. Any other
        // cancellation (a conflict on the claim, an item DynamoDB refuses) is a real failure.
        const resent = error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed';
        if (!resent) throw error;
      });
  }

  /**
   * The writes of each position's merged changes (see position-writes.ts), each with the delta it
   * belongs to. A reservation is conditioned on the figures the rules read; when they read none,
   * the position is read here, consistently.
   */
  private async stockWrites(deltas: PositionDelta[], updatedOn: string): Promise<{ write: PositionWrite; delta: PositionDelta }[]> {
    const unread = deltas.filter((delta) => delta.minAvailable > 0 && !delta.seen);
    const read = unread.length ? await this.positions(unread.map((delta) => delta.skuRef), 'exact') : [];
    return deltas.flatMap((delta) => {
      const basis = delta.seen ?? read.find((position) => position.skuRef === delta.skuRef && position.locationRef === delta.locationRef);
      return positionWrites(this.tableName, delta, updatedOn, basis).map((write) => ({ write, delta }));
    });
  }
}
