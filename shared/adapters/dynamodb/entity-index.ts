import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Entity } from '../../engine/model';
import type { EntityIndex } from '../../ports/entity-index';
import { decodeCursor, encodeCursor, refusedCursor } from './pagination-cursor';

const MAX_PAGES = 20;

/** Reads the entity indexes the engine store writes: GSI1 by type, GSI2 by type and status. */
export class DynamoEntityIndex implements EntityIndex {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(query: { entityType: string; status?: string; retailerId?: string; limit: number; cursor?: string }) {
    const [index, partition] = query.status
      ? ['GSI2', `ENTITIES#${query.entityType}#STATUS#${query.status}`]
      : ['GSI1', `ENTITIES#${query.entityType}`];
    const items: Entity[] = [];
    let ExclusiveStartKey = decodeCursor(query.cursor);
    for (let page = 0; page < MAX_PAGES && items.length < query.limit; page++) {
      const cursorUsed = ExclusiveStartKey !== undefined;
      const result = await this.client
        .send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index,
          KeyConditionExpression: `${index}PK = :pk`,
          FilterExpression: query.retailerId ? 'retailerId = :retailer' : undefined,
          ExpressionAttributeValues: { ':pk': partition, ...(query.retailerId ? { ':retailer': query.retailerId } : {}) },
          ScanIndexForward: false,
          Limit: query.limit - items.length,
          ExclusiveStartKey,
        }),
      )
        .catch((error: unknown) => {
          throw refusedCursor(error, cursorUsed);
        });
      items.push(
        ...(result.Items ?? []).map(
          ({ PK: _pk, SK: _sk, GSI1PK: _a, GSI1SK: _b, GSI2PK: _c, GSI2SK: _d, ...entity }) => entity as unknown as Entity,
        ),
      );
      ExclusiveStartKey = result.LastEvaluatedKey;
      if (!ExclusiveStartKey) break;
    }
    return { items, cursor: encodeCursor(ExclusiveStartKey) };
  }
}
