import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ScheduledEventRecord } from '../../engine/model';
import type { ScheduledEvents } from '../../ports/scheduled-events';
import { SCHEDULED_PARTITION } from './engine-items';

export class DynamoScheduledEvents implements ScheduledEvents {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async due(now: string, limit: number): Promise<ScheduledEventRecord[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND SK <= :now',
        // '~' sorts after every character of an id, so records due exactly now are included.
        ExpressionAttributeValues: { ':pk': SCHEDULED_PARTITION, ':now': `${now}~` },
        Limit: limit,
        ConsistentRead: true,
      }),
    );
    return Items.map(({ id, dueAt, event }) => ({ id, dueAt, event }) as ScheduledEventRecord);
  }

  async remove(records: ScheduledEventRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += 25) {
      let pending = records.slice(start, start + 25).map((record) => ({
        DeleteRequest: { Key: { PK: SCHEDULED_PARTITION, SK: `${record.dueAt}#${record.id}` } },
      }));
      while (pending.length) {
        const result = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof pending;
      }
    }
  }
}
