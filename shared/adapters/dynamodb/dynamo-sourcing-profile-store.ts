import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SourcingProfile } from '../../domain/sourcing/sourcing-model';
import type { SourcingProfileStore } from '../../ports/sourcing-profile-store';

const profileKey = (retailerId: string) => ({ PK: `SOURCING_PROFILE#${retailerId}`, SK: 'PROFILE' });

export class DynamoSourcingProfileStore implements SourcingProfileStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(retailerId: string, profile: SourcingProfile): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...profileKey(retailerId), profile } }));
  }

  async get(retailerId: string): Promise<SourcingProfile | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: profileKey(retailerId) }));
    return Item?.profile as SourcingProfile | undefined;
  }
}
