import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SourcingProfile } from '../../domain/sourcing/sourcing-model';
import type { SourcingProfileStore } from '../../ports/sourcing-profile-store';
import { writtenIfCondition } from './conditional-write';

const profileKey = (retailerId: string) => ({ PK: `SOURCING_PROFILE#${retailerId}`, SK: 'PROFILE' });

export class DynamoSourcingProfileStore implements SourcingProfileStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(retailerId: string, profile: SourcingProfile): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...profileKey(retailerId), profile } }));
  }

  /** Conditional, so a retailer's own profile is never replaced by a default written at the same moment. */
  putIfAbsent(retailerId: string, profile: SourcingProfile): Promise<boolean> {
    return writtenIfCondition(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...profileKey(retailerId), profile },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      ),
    );
  }

  async get(retailerId: string): Promise<SourcingProfile | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: profileKey(retailerId) }));
    return Item?.profile as SourcingProfile | undefined;
  }
}
