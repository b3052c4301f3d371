import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors';
import type { EventSourceRegistry } from '../../ports/event-source-registry';

const sourceKey = (source: string) => ({ PK: `SOURCE#${source}`, SK: 'SOURCE' });

/** Sources live in the control-plane table: they must be unique across accounts. */
export class DynamoEventSourceRegistry implements EventSourceRegistry {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(source: string, accountId: string, claimedOn: string): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...sourceKey(source), GSI1PK: `ACCOUNT#${accountId}`, GSI1SK: `SOURCE#${source}`, source, accountId, claimedOn },
          ConditionExpression: 'attribute_not_exists(PK) OR accountId = :account',
          ExpressionAttributeValues: { ':account': accountId },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConflictError(`Event source ${source} is registered to another account`, 'source');
      }
      throw error;
    }
  }

  async ownerOf(source: string): Promise<string | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: sourceKey(source) }));
    return Item?.accountId as string | undefined;
  }

  async listFor(accountId: string): Promise<{ source: string; claimedOn: string }[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :account AND begins_with(GSI1SK, :prefix)',
        ExpressionAttributeValues: { ':account': `ACCOUNT#${accountId}`, ':prefix': 'SOURCE#' },
      }),
    );
    return Items.map((item) => ({ source: item.source as string, claimedOn: item.claimedOn as string }));
  }

  async release(source: string, accountId: string): Promise<boolean> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: sourceKey(source),
          ConditionExpression: 'accountId = :account',
          ExpressionAttributeValues: { ':account': accountId },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
