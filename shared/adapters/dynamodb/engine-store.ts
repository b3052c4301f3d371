import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { DuplicateEventError, InsufficientStockError, VersionConflictError } from '../../engine/errors';
import { netInventoryChanges, type PositionDelta } from '../../engine/inventory';
import type { AuditRecord, Entity, EventRecord, StockLevel, UnitOfWork } from '../../engine/model';
import type { EngineStore, InventoryReader } from '../../engine/ports';
import type { Workflow, WorkflowKey } from '../../engine/workflow';
import { DomainError } from '../../domain/errors';
import { writeAll } from './batch-writer';
import {
  ALL_EVENTS,
  EVENT_SORT_KEY,
  auditItem,
  entityFromItem,
  entityItem,
  eventPartition,
  eventRecordFromItem,
  eventsByOutcome,
  eventsByRoot,
  outboxItem,
  rootPartition,
  scheduledItem,
  workflowPartition,
  workflowSortKey,
} from './engine-items';
import { skuPartition, stockLevelsFromItems } from './inventory-items';
import { positionWrites, type PositionWrite } from './position-writes';
import { queryAll } from './query-all';

/** DynamoDB's cap on the items of one TransactWriteItems call. */
export const TRANSACTION_LIMIT = 100;

export class TransactionTooLargeError extends DomainError {
  readonly status = 422;
  constructor(count: number) {
    super(
      'TRANSACTION_TOO_LARGE',
      `One execution would change ${count} entities, inventory positions, outbox and scheduled records; at most ${TRANSACTION_LIMIT - 2} fit in one transaction, beside the event record and its outcome`,
    );
  }
}

const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * The engine's store on one account's table. `commit` is one TransactWriteItems call:
 * the event record (which doubles as the processed marker), entity changes conditioned on
 * their version, one conditioned update per inventory position changed, outbox and scheduled
 * records, and the audit trail. When the audit trail does not fit, the state-bearing items
 * still commit atomically; see shared/engine/README.md. It also reads inventory positions for
 * rules (InventoryReader), consistently.
 */
export class DynamoEngineStore implements EngineStore, InventoryReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retentionDays: number,
  ) {}

  async loadRoot(rootEntityType: string, rootRef: string): Promise<Entity[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :entity)',
      ExpressionAttributeValues: { ':pk': rootPartition(rootEntityType, rootRef), ':entity': 'ENTITY#' },
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

  /** Every position of these SKUs, one strongly consistent Query per SKU. */
  async positions(skuRefs: string[]): Promise<StockLevel[]> {
    const perSku = await Promise.all(
      [...new Set(skuRefs)].map(async (skuRef) => {
        // The partition holds the SKU's counts and reservations (see inventory-items.ts).
        const items = await queryAll(this.client, {
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': skuPartition(skuRef) },
          ConsistentRead: true,
        });
        return stockLevelsFromItems(items);
      }),
    );
    return perSku.flat();
  }

  async getEvent(eventId: string): Promise<EventRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { PK: eventPartition(eventId), SK: EVENT_SORT_KEY }, ConsistentRead: true }),
    );
    return Item ? eventRecordFromItem(Item) : undefined;
  }

  async commit(uow: UnitOfWork): Promise<void> {
    const expiresAt = epochSeconds(uow.event.receivedOn) + this.retentionDays * 86_400;
    const updatedOn = uow.event.processedOn ?? uow.event.receivedOn;
    const stock = await this.stockWrites(netInventoryChanges(uow.inventory), updatedOn);
    const required = [
      this.eventRecordUpdate(uow.event, expiresAt),
      ...uow.entities.map(({ entity, expectedVersion }) => ({
        Put: {
          TableName: this.tableName,
          Item: entityItem(entity),
          ...(expectedVersion === null
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : {
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
        },
      })),
      ...stock.map(({ write }) => write),
      ...uow.outbox.map((record) => ({ Put: { TableName: this.tableName, Item: outboxItem(record) } })),
      ...uow.scheduled.map((record) => ({ Put: { TableName: this.tableName, Item: scheduledItem(record) } })),
    ];
    if (required.length >= TRANSACTION_LIMIT) throw new TransactionTooLargeError(required.length - 1);

    const startedAt = uow.audit[0]?.at ?? uow.event.receivedOn;
    const auditPut = (record: AuditRecord) => ({
      Put: { TableName: this.tableName, Item: auditItem(record, startedAt, expiresAt) },
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
      throw this.translate(error, uow, stock);
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
  async recordDuplicate(eventId: string, at: string): Promise<void> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { PK: eventPartition(eventId), SK: EVENT_SORT_KEY } }),
    );
    if (!Item) return;
    const record = eventRecordFromItem(Item);
    const duplicate: AuditRecord = {
      eventId,
      seq: 1,
      at,
      kind: 'OUTCOME',
      entityType: record.event.entityType,
      entityRef: record.event.entityRef,
      rootEntityType: record.rootEntityType,
      rootRef: record.rootRef,
      outcome: 'DUPLICATE',
      message: `Event ${eventId} was delivered again after it was processed (${record.outcome}); nothing changed`,
    };
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.tableName,
              Key: { PK: eventPartition(eventId), SK: EVENT_SORT_KEY },
              UpdateExpression: 'ADD duplicateDeliveries :one SET lastDuplicateOn = :at',
              ExpressionAttributeValues: { ':one': 1, ':at': at },
            },
          },
          { Put: { TableName: this.tableName, Item: auditItem(duplicate, at, Number(Item.expiresAt ?? 0)) } },
        ],
      }),
    );
  }

  /** An event accepted for asynchronous processing, visible as PENDING until it runs. */
  async recordPending(record: EventRecord): Promise<void> {
    const expiresAt = epochSeconds(record.receivedOn) + this.retentionDays * 86_400;
    await this.client
      .send(new TransactWriteCommand({ TransactItems: [this.eventRecordUpdate(record, expiresAt, 'NEW_ONLY')] }))
      .catch((error: unknown) => {
        // A resent event id keeps its first record; the engine reports the duplicate.
        if (!(error instanceof TransactionCanceledException)) throw error;
      });
  }

  /**
   * The event record's upsert. A commit may overwrite a PENDING or FAILED record, never a final
   * one (that is the processed marker); a pending record is only written where none exists.
   */
  private eventRecordUpdate(record: EventRecord, expiresAt: number, write: 'COMMIT' | 'NEW_ONLY' = 'COMMIT') {
    const sortKey = `${record.receivedOn}#${record.event.id}`;
    const values: Record<string, unknown> = {
      ':event': record.event,
      ':outcome': record.outcome,
      ':rootType': record.rootEntityType,
      ':rootRef': record.rootRef,
      ':receivedOn': record.receivedOn,
      ':attempts': record.attempts,
      ':zero': 0,
      ':g1pk': eventsByRoot(record.rootRef),
      ':g2pk': eventsByOutcome(record.outcome),
      ':g3pk': ALL_EVENTS,
      ':sk': sortKey,
      ':expiresAt': expiresAt,
      ...(write === 'COMMIT' ? { ':pending': 'PENDING', ':failed': 'FAILED' } : {}),
    };
    const sets = [
      '#event = :event',
      'outcome = :outcome',
      'rootEntityType = :rootType',
      'rootRef = :rootRef',
      'receivedOn = if_not_exists(receivedOn, :receivedOn)',
      'attempts = if_not_exists(attempts, :zero) + :attempts',
      'GSI1PK = :g1pk',
      'GSI1SK = if_not_exists(GSI1SK, :sk)',
      'GSI2PK = :g2pk',
      'GSI2SK = if_not_exists(GSI2SK, :sk)',
      'GSI3PK = :g3pk',
      'GSI3SK = if_not_exists(GSI3SK, :sk)',
      'expiresAt = :expiresAt',
    ];
    const removes: string[] = [];
    const names: Record<string, string> = { '#event': 'event' };
    for (const [field, value] of [
      ['processedOn', record.processedOn],
      ['error', record.error],
    ] as const) {
      names[`#${field}`] = field;
      if (value === undefined) removes.push(`#${field}`);
      else {
        sets.push(`#${field} = :${field}`);
        values[`:${field}`] = value;
      }
    }
    return {
      Update: {
        TableName: this.tableName,
        Key: { PK: eventPartition(record.event.id), SK: EVENT_SORT_KEY },
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression:
          write === 'COMMIT' ? 'attribute_not_exists(PK) OR outcome IN (:pending, :failed)' : 'attribute_not_exists(PK)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  }

  /**
   * The writes of each position's merged changes (see position-writes.ts), each with the delta it
   * belongs to. A reservation is conditioned on the figures the rules read; when they read none,
   * the position is read here, consistently.
   */
  private async stockWrites(deltas: PositionDelta[], updatedOn: string): Promise<{ write: PositionWrite; delta: PositionDelta }[]> {
    const unread = deltas.filter((delta) => delta.minAvailable > 0 && !delta.seen);
    const read = unread.length ? await this.positions(unread.map((delta) => delta.skuRef)) : [];
    return deltas.flatMap((delta) => {
      const basis = delta.seen ?? read.find((level) => level.skuRef === delta.skuRef && level.locationRef === delta.locationRef);
      return positionWrites(this.tableName, delta, updatedOn, basis).map((write) => ({ write, delta }));
    });
  }

  /**
   * Items are [event record, entities…, positions…, outbox…, scheduled…, audit…]. A failed
   * condition on the event record is a duplicate; on an entity a version conflict; on a position
   * InsufficientStockError. A TransactionConflict (another transaction on one of the items at the
   * same moment) is a version conflict: re-running is the answer to all but the duplicate.
   */
  private translate(error: unknown, uow: UnitOfWork, stock: { delta: PositionDelta }[]): unknown {
    if (!(error instanceof TransactionCanceledException)) return error;
    const reasons = error.CancellationReasons ?? [];
    if (reasons[0]?.Code === 'ConditionalCheckFailed') return new DuplicateEventError(uow.event.event.id);
    const failed = reasons.findIndex((reason, index) => index > 0 && reason.Code === 'ConditionalCheckFailed');
    const firstPosition = 1 + uow.entities.length;
    const change = failed > 0 && failed < firstPosition ? uow.entities[failed - 1] : undefined;
    if (change) return new VersionConflictError(`${change.entity.entityType} ${change.entity.ref} changed during the execution`);
    const delta = failed >= firstPosition ? stock[failed - firstPosition]?.delta : undefined;
    if (delta) {
      return new InsufficientStockError(
        delta.skuRef,
        delta.locationRef,
        `Not enough stock of ${delta.skuRef} at ${delta.locationRef}: ${describeDelta(delta)}`,
      );
    }
    const conflicted = reasons.findIndex((reason) => reason.Code === 'TransactionConflict');
    if (failed > 0 || conflicted >= 0) {
      const entity = uow.entities[conflicted - 1]?.entity;
      const position = stock[conflicted - firstPosition]?.delta;
      const what = entity
        ? `${entity.entityType} ${entity.ref}`
        : position && `The position of ${position.skuRef} at ${position.locationRef}`;
      return new VersionConflictError(what ? `${what} changed during the execution` : 'A concurrent write conflicted');
    }
    return error;
  }
}

const describeDelta = (delta: PositionDelta): string => {
  const needs: string[] = [];
  if (delta.minAvailable > 0) needs.push(`${delta.minAvailable} available`);
  if (delta.minReserved > 0) needs.push(`${delta.minReserved} reserved`);
  return `the execution needs ${needs.join(' and ')}, or the position does not exist`;
};
