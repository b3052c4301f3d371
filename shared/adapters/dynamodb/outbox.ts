import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OutboxRecord } from '../../engine/engine-model';
import { deleteAll } from './batch-writer';
import { OUTBOX_PARTITION, outboxItem } from './engine-items';
import { queryAll } from './query-all';

/** Outbox records written by executions and not yet relayed. */
export class DynamoOutbox {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Records still waiting, of one event or of all; the partition only holds what is not relayed
   * yet. Event ids are unique per retailer, so one event's are those of its id and retailer.
   */
  async pending(of?: { retailerId: string; eventId: string }): Promise<OutboxRecord[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      FilterExpression: of ? 'eventId = :eventId AND eventRetailerId = :retailerId' : undefined,
      ExpressionAttributeValues: { ':pk': OUTBOX_PARTITION, ...(of ? { ':eventId': of.eventId, ':retailerId': of.retailerId } : {}) },
      ConsistentRead: true,
    });
    return items.map(({ id, kind, eventId: of, createdOn, payload }) => ({ id, kind, eventId: of, createdOn, payload }) as OutboxRecord);
  }

  async remove(records: OutboxRecord[]): Promise<void> {
    await deleteAll(
      this.client,
      this.tableName,
      records.map((record) => {
        const { PK, SK } = outboxItem(record);
        return { PK, SK };
      }),
    );
  }
}
