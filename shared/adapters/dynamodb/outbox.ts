import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OutboxRecord } from '../../engine/engine-model';
import { deleteAll } from './batch-writer';
import { OUTBOX_SORT_PREFIX, eventPartition, outboxKey, type OutboxOwner } from './engine-items';
import { queryAll } from './query-all';

/** Outbox records written by executions and not yet relayed, each in the partition of its event. */
export class DynamoOutbox {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The records one event's execution left and no relay has removed yet. */
  async pending(of: OutboxOwner): Promise<OutboxRecord[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :outbox)',
      ExpressionAttributeValues: { ':pk': eventPartition(of.retailerId, of.eventId), ':outbox': OUTBOX_SORT_PREFIX },
      ConsistentRead: true,
    });
    return items.map(({ id, kind, eventId, createdOn, payload }) => ({ id, kind, eventId, createdOn, payload }) as OutboxRecord);
  }

  /** Whether a record is still waiting: read consistently, since it may have been relayed a moment ago. */
  async exists(of: OutboxOwner, record: OutboxRecord): Promise<boolean> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: outboxKey(of, record), ConsistentRead: true, ProjectionExpression: 'PK' }),
    );
    return Item !== undefined;
  }

  /** Removes records `of` one event wrote, once relayed. */
  async remove(of: OutboxOwner, records: OutboxRecord[]): Promise<void> {
    await deleteAll(
      this.client,
      this.tableName,
      records.map((record) => outboxKey(of, record)),
    );
  }
}
