import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/domain-errors';
import type { EventSourceRegistration, EventSourceRegistry, RetailerScope } from '../../ports/event-source-registry';
import { queryAll } from './query-all';
import { writtenIfCondition } from './conditional-write';

const sourceKey = (source: string) => ({ PK: `SOURCE#${source}`, SK: 'SOURCE' });

/** The condition that the item belongs to the account and, for a scoped caller, to its retailer. */
const ownedBy = (accountId: string, scope: RetailerScope) =>
  scope.retailerId
    ? { expression: 'accountId = :account AND retailerId = :retailer', values: { ':account': accountId, ':retailer': scope.retailerId } }
    : { expression: 'accountId = :account', values: { ':account': accountId } };

const registrationOf = (item: Record<string, unknown>): EventSourceRegistration => ({
  source: item.source as string,
  accountId: item.accountId as string,
  // Sources registered before AWS accounts were recorded have none, and accept no bus event.
  awsAccountId: (item.awsAccountId as string | undefined) ?? '',
  ...(item.retailerId ? { retailerId: item.retailerId as string } : {}),
  claimedOn: item.claimedOn as string,
});

/** Sources live in the control-plane table: they must be unique across accounts. */
export class DynamoEventSourceRegistry implements EventSourceRegistry {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(registration: EventSourceRegistration, claimant: RetailerScope): Promise<void> {
    const { source, accountId } = registration;
    const owned = ownedBy(accountId, claimant);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...sourceKey(source), GSI1PK: `ACCOUNT#${accountId}`, GSI1SK: `SOURCE#${source}`, ...registration },
          ConditionExpression: `attribute_not_exists(PK) OR (${owned.expression})`,
          ExpressionAttributeValues: owned.values,
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConflictError(`Event source ${source} is registered to another account or retailer`, 'source');
      }
      throw error;
    }
  }

  async registrationOf(source: string): Promise<EventSourceRegistration | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: sourceKey(source) }));
    return Item && registrationOf(Item);
  }

  async listFor(accountId: string, scope: RetailerScope): Promise<EventSourceRegistration[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :account AND begins_with(GSI1SK, :prefix)',
      ...(scope.retailerId
        ? {
            FilterExpression: 'retailerId = :retailer',
            ExpressionAttributeValues: { ':account': `ACCOUNT#${accountId}`, ':prefix': 'SOURCE#', ':retailer': scope.retailerId },
          }
        : { ExpressionAttributeValues: { ':account': `ACCOUNT#${accountId}`, ':prefix': 'SOURCE#' } }),
    });
    return items.map(registrationOf);
  }

  async release(source: string, accountId: string, scope: RetailerScope): Promise<boolean> {
    const owned = ownedBy(accountId, scope);
    return writtenIfCondition(() =>
      this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: sourceKey(source),
          ConditionExpression: owned.expression,
          ExpressionAttributeValues: owned.values,
        }),
      ),
    );
  }
}
