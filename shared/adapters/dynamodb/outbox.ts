import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OutboxRecord } from '../../engine/model';
import { deleteAll } from './batch-writer';
import { OUTBOX_PARTITION, outboxItem } from './engine-items';

/** Outbox records written by executions and not yet relayed. */
export class DynamoOutbox {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Records still waiting, of one event or of all; the partition only holds what is not relayed yet. */
  async pending(eventId?: string): Promise<OutboxRecord[]> {
    const records: OutboxRecord[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          FilterExpression: eventId ? 'eventId = :eventId' : undefined,
          ExpressionAttributeValues: { ':pk': OUTBOX_PARTITION, ...(eventId ? { ':eventId': eventId } : {}) },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      records.push(
        ...(page.Items ?? []).map(({ id, kind, eventId: of, createdOn, payload }) => ({ id, kind, eventId: of, createdOn, payload }) as OutboxRecord),
      );
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return records;
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
