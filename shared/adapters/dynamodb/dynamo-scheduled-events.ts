import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ScheduledEventRecord } from '../../engine/engine-model';
import type { ScheduledEvents } from '../../ports/scheduled-events';
import { deleteAll } from './batch-writer';
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
    await deleteAll(
      this.client,
      this.tableName,
      records.map((record) => ({ PK: SCHEDULED_PARTITION, SK: `${record.dueAt}#${record.id}` })),
    );
  }
}
