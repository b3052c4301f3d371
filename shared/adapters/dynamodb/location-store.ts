import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Location } from '../../domain/locations/location';
import type { LocationStore } from '../../ports/location-store';

const locationKey = (ref: string) => ({ PK: `LOCATION#${ref}`, SK: 'LOCATION' });

const fromItem = ({ PK: _pk, SK: _sk, GSI1PK: _gpk, GSI1SK: _gsk, ...location }: Record<string, unknown>) =>
  location as unknown as Location;

export class DynamoLocationStore implements LocationStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(location: Location): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...locationKey(location.ref), GSI1PK: 'LOCATIONS', GSI1SK: location.ref, ...location },
      }),
    );
  }

  async get(ref: string): Promise<Location | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: locationKey(ref) }));
    return Item ? fromItem(Item) : undefined;
  }

  async list(): Promise<Location[]> {
    const locations: Location[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :locations',
          ExpressionAttributeValues: { ':locations': 'LOCATIONS' },
          ExclusiveStartKey,
        }),
      );
      locations.push(...(page.Items ?? []).map(fromItem));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return locations;
  }
}
