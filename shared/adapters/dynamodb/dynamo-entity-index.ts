import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Entity } from '../../engine/engine-model';
import type { EntityIndex } from '../../ports/entity-index';
import { queryPage } from './query-page';

/** Reads the entity indexes the engine store writes: GSI1 by type, GSI2 by type and status. */
export class DynamoEntityIndex implements EntityIndex {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(query: { entityType: string; status?: string; retailerId?: string; limit: number; cursor?: string; oldestFirst?: boolean }) {
    const [index, partition] = query.status
      ? ['GSI2', `ENTITIES#${query.entityType}#STATUS#${query.status}`]
      : ['GSI1', `ENTITIES#${query.entityType}`];
    const page = await queryPage(
      this.client,
      {
        TableName: this.tableName,
        IndexName: index,
        KeyConditionExpression: `${index}PK = :pk`,
        FilterExpression: query.retailerId ? 'retailerId = :retailer' : undefined,
        ExpressionAttributeValues: { ':pk': partition, ...(query.retailerId ? { ':retailer': query.retailerId } : {}) },
        ScanIndexForward: query.oldestFirst === true,
      },
      query.limit,
      query.cursor,
    );
    const items = page.items.map(
      // The chain's correlation id is for the relay's logs, not part of the entity.
      ({ PK: _pk, SK: _sk, GSI1PK: _a, GSI1SK: _b, GSI2PK: _c, GSI2SK: _d, correlationId: _chain, ...entity }) => entity as unknown as Entity,
    );
    return { items, cursor: page.cursor };
  }
}
