import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RateWindow } from '../../domain/accounts/request-rate';
import type { RequestCounter } from '../../ports/request-counter';
import { writtenIfCondition } from './conditional-write';
import { TTL_ATTRIBUTE } from './table-schemas';

/**
 * One item per account per window in the control-plane table, under its own partition key so an
 * account's counter never shares a partition with its account record, which every request reads.
 * The control table, not the account's: account tables stream every write to the outbox relay,
 * which would then wake for every API call, and a refused request must write nothing there.
 */
const counterKey = (accountId: string, window: RateWindow) => ({ PK: `RATE#${accountId}`, SK: `WINDOW#${window.startsAt}` });

export class DynamoRequestCounter implements RequestCounter {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** One conditional write: the count and the check are one atomic step, whatever the number of containers. */
  countWithin(accountId: string, window: RateWindow, limit: number): Promise<boolean> {
    return writtenIfCondition(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: counterKey(accountId, window),
          UpdateExpression: 'SET #ttl = :expiresAt ADD requests :one',
          ConditionExpression: 'attribute_not_exists(requests) OR requests < :limit',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':expiresAt': window.expiresAt, ':one': 1, ':limit': limit },
        }),
      ),
    );
  }
}
