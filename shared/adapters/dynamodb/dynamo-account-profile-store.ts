import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountProfile, AccountProfileStore } from '../../ports/account-profile-store';

const PROFILE_KEY = { PK: 'ACCOUNT', SK: 'PROFILE' };

export class DynamoAccountProfileStore implements AccountProfileStore {
  constructor(private readonly client: DynamoDBDocumentClient) {}

  async put(tableName: string, profile: AccountProfile): Promise<void> {
    await this.client.send(new PutCommand({ TableName: tableName, Item: { ...PROFILE_KEY, ...profile } }));
  }

  async get(tableName: string): Promise<AccountProfile | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: tableName, Key: PROFILE_KEY }));
    if (!Item) return undefined;
    const { accountId, name, environment, createdOn } = Item as AccountProfile;
    return { accountId, name, environment, createdOn };
  }
}
