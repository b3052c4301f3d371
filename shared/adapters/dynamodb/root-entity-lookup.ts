import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RootEntityLookup } from '../../ports/root-entity-lookup';
import { entitySortKey, rootPartition } from './engine-items';

/** DynamoDB's cap on the keys of one BatchGetItem call. */
const GET_LIMIT = 100;
const MAX_ATTEMPTS = 8;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads only the keys of root entity items (see engine-items.ts), with BatchGetItem. */
export class DynamoRootEntityLookup implements RootEntityLookup {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async existingRoots(entityType: string, refs: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const refOfPartition = new Map([...new Set(refs)].map((ref) => [rootPartition(entityType, ref), ref]));
    const keys = [...refOfPartition.keys()].map((PK) => ({ PK, SK: entitySortKey(entityType, refOfPartition.get(PK) as string) }));
    for (let start = 0; start < keys.length; start += GET_LIMIT) {
      let pending: Record<string, unknown>[] = keys.slice(start, start + GET_LIMIT);
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt >= MAX_ATTEMPTS) throw new Error(`${pending.length} entity keys stayed unread after ${MAX_ATTEMPTS} attempts`);
        if (attempt > 0) await pause(Math.random() * 25 * 2 ** attempt);
        const reply = await this.client.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ProjectionExpression: 'PK', ConsistentRead: true } } }),
        );
        for (const item of reply.Responses?.[this.tableName] ?? []) {
          const ref = refOfPartition.get(item.PK as string);
          if (ref !== undefined) found.add(ref);
        }
        pending = (reply.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    return found;
  }
}
