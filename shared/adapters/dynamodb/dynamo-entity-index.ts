import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Entity } from '../../engine/engine-model';
import type { EntityIndex, EntityListQuery } from '../../ports/entity-index';
import { queryPage } from './query-page';
import { searchPage } from './search-page';

/**
 * The most index items one search by ref prefix reads per request (about 1 MB of orders at
 * most; 0.5 RCU per 4 KB read): a sparse prefix answers a short page with a cursor rather than
 * reading through the whole table in one call.
 */
export const SEARCH_READ_LIMIT = 1000;

/** Reads the entity indexes the engine store writes: GSI1 by type, GSI2 by type and status. */
export class DynamoEntityIndex implements EntityIndex {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(query: EntityListQuery) {
    const [index, partition] = query.status
      ? ['GSI2', `ENTITIES#${query.entityType}#STATUS#${query.status}`]
      : ['GSI1', `ENTITIES#${query.entityType}`];
    const filters = [
      ...(query.retailerId ? ['retailerId = :retailer'] : []),
      ...(query.refPrefix ? ['begins_with(#ref, :ref)'] : []),
    ];
    const input = {
      TableName: this.tableName,
      IndexName: index,
      KeyConditionExpression: `${index}PK = :pk`,
      FilterExpression: filters.length ? filters.join(' AND ') : undefined,
      ExpressionAttributeNames: query.refPrefix ? { '#ref': 'ref' } : undefined,
      ExpressionAttributeValues: {
        ':pk': partition,
        ...(query.retailerId ? { ':retailer': query.retailerId } : {}),
        ...(query.refPrefix ? { ':ref': query.refPrefix } : {}),
      },
      ScanIndexForward: query.oldestFirst === true,
    };
    const page = query.refPrefix
      ? await searchPage(this.client, input, {
          limit: query.limit,
          cursor: query.cursor,
          maxRead: SEARCH_READ_LIMIT,
          keyAttributes: ['PK', 'SK', `${index}PK`, `${index}SK`],
        })
      : await queryPage(this.client, input, query.limit, query.cursor);
    const items = page.items.map(
      // The chain's correlation id is for the relay's logs, not part of the entity.
      ({ PK: _pk, SK: _sk, GSI1PK: _a, GSI1SK: _b, GSI2PK: _c, GSI2SK: _d, correlationId: _chain, ...entity }) => entity as unknown as Entity,
    );
    return { items, cursor: page.cursor };
  }
}
