import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OrdoEvent } from '../../engine/engine-model';
import type { EventFailure, StuckEventRecords } from '../../ports/stuck-event-records';
import { writtenIfCondition } from './conditional-write';
import { ALL_EVENTS, EVENT_SORT_KEY, eventIdClaimItem, eventPartition, eventsByOutcome, eventsByRoot } from './engine-items';

const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * The fields of a PENDING record, each set only where the record has none: an event relayed from
 * another root has no record until it runs, and must have one to be listed and re-driven.
 */
const pendingRecordFields = (event: OrdoEvent, at: string, expiresAt: number) => {
  const rootRef = event.rootEntityRef ?? event.entityRef;
  const values: Record<string, unknown> = {
    ':event': event,
    ':pending': 'PENDING',
    ':rootType': event.rootEntityType ?? event.entityType,
    ':rootRef': rootRef,
    ':at': at,
    ':zero': 0,
    ':g1pk': eventsByRoot(rootRef),
    ':g2pk': eventsByOutcome('PENDING'),
    ':g3pk': ALL_EVENTS,
    ':sk': `${at}#${event.id}`,
    ':expiresAt': expiresAt,
  };
  const sets = [
    '#event = if_not_exists(#event, :event)',
    'outcome = if_not_exists(outcome, :pending)',
    'rootEntityType = if_not_exists(rootEntityType, :rootType)',
    'rootRef = if_not_exists(rootRef, :rootRef)',
    'receivedOn = if_not_exists(receivedOn, :at)',
    'attempts = if_not_exists(attempts, :zero)',
    'GSI1PK = if_not_exists(GSI1PK, :g1pk)',
    'GSI1SK = if_not_exists(GSI1SK, :sk)',
    'GSI2PK = if_not_exists(GSI2PK, :g2pk)',
    'GSI2SK = if_not_exists(GSI2SK, :sk)',
    'GSI3PK = if_not_exists(GSI3PK, :g3pk)',
    'GSI3SK = if_not_exists(GSI3SK, :sk)',
    'expiresAt = if_not_exists(expiresAt, :expiresAt)',
  ];
  return { sets, values, names: { '#event': 'event' } };
};

/** StuckEventRecords on an account's table, beside the event records the engine commits. */
export class DynamoStuckEventRecords implements StuckEventRecords {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retentionDays: number,
  ) {}

  async recordFailure(event: OrdoEvent, failure: EventFailure): Promise<void> {
    await this.claim(event, failure.at);
    const fields = pendingRecordFields(event, failure.at, this.expiresAt(failure.at));
    // A final record is the processed marker: a failure after it (relaying what it sent on) is not kept there.
    await writtenIfCondition(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(event.retailerId, event.id),
          UpdateExpression: `SET ${[...fields.sets, 'lastError = :failure'].join(', ')} ADD failedAttempts :one`,
          ConditionExpression: 'attribute_not_exists(PK) OR outcome IN (:pending, :failed)',
          ExpressionAttributeNames: fields.names,
          ExpressionAttributeValues: { ...fields.values, ':failure': failure, ':one': 1, ':failed': 'FAILED' },
        }),
      ),
    );
  }

  async markStuck(event: OrdoEvent, at: string): Promise<{ marked: boolean; lastError?: EventFailure }> {
    await this.claim(event, at);
    const fields = pendingRecordFields(event, at, this.expiresAt(at));
    let updated: Record<string, unknown> | undefined;
    const marked = await writtenIfCondition(async () => {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(event.retailerId, event.id),
          UpdateExpression: `SET ${[...fields.sets, 'stuckSince = if_not_exists(stuckSince, :at)'].join(', ')}`,
          ConditionExpression: 'attribute_not_exists(PK) OR outcome = :pending',
          ExpressionAttributeNames: fields.names,
          ExpressionAttributeValues: fields.values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      updated = result.Attributes;
    });
    const lastError = updated?.lastError as EventFailure | undefined;
    return lastError ? { marked, lastError } : { marked };
  }

  async markRedriven(retailerId: string, eventId: string, at: string): Promise<void> {
    // An event that ran meanwhile has nothing left to clear.
    await writtenIfCondition(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(retailerId, eventId),
          UpdateExpression: 'SET redrivenOn = :at REMOVE stuckSince',
          ConditionExpression: 'outcome = :pending',
          ExpressionAttributeValues: { ':at': at, ':pending': 'PENDING' },
        }),
      ),
    );
  }

  /** The event id's claim by its retailer (where the event has none yet), so reads that name no retailer find it. */
  private async claim(event: OrdoEvent, at: string): Promise<void> {
    const Item = eventIdClaimItem(event.retailerId, event.id, this.expiresAt(at));
    await writtenIfCondition(() =>
      this.client.send(new PutCommand({ TableName: this.tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' })),
    );
  }

  private key(retailerId: string, eventId: string) {
    return { PK: eventPartition(retailerId, eventId), SK: EVENT_SORT_KEY };
  }

  private expiresAt(at: string): number {
    return epochSeconds(at) + this.retentionDays * 86_400;
  }
}
