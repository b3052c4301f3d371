import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Location } from '../../domain/locations/location';
import type { LocationStore } from '../../ports/location-store';
import { queryAll } from './query-all';
import { writtenIfCondition } from './conditional-write';

const locationKey = (ref: string) => ({ PK: `LOCATION#${ref}`, SK: 'LOCATION' });

const fromItem = ({ PK: _pk, SK: _sk, GSI1PK: _gpk, GSI1SK: _gsk, ...location }: Record<string, unknown>) =>
  location as unknown as Location;

export class DynamoLocationStore implements LocationStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(location: Location, ownedBy?: string): Promise<boolean> {
    return writtenIfCondition(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...locationKey(location.ref), GSI1PK: 'LOCATIONS', GSI1SK: location.ref, ...location },
          // The owner is checked in the write itself, so two retailers creating one ref cannot both win.
          ...(ownedBy === undefined
            ? {}
            : { ConditionExpression: 'attribute_not_exists(PK) OR retailerId = :owner', ExpressionAttributeValues: { ':owner': ownedBy } }),
        }),
      ),
    );
  }

  async get(ref: string): Promise<Location | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: locationKey(ref) }));
    return Item ? fromItem(Item) : undefined;
  }

  async list(): Promise<Location[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :locations',
      ExpressionAttributeValues: { ':locations': 'LOCATIONS' },
    });
    return items.map(fromItem);
  }
}
