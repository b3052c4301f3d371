import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RootEntityLookup } from '../../ports/root-entity-lookup';
import { batchGet } from './batch-reader';
import { entitySortKey, rootPartition } from './engine-items';

/** Reads only the keys of root entity items (see engine-items.ts), with BatchGetItem. */
export class DynamoRootEntityLookup implements RootEntityLookup {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async existingRoots(retailerId: string, entityType: string, refs: readonly string[]): Promise<Set<string>> {
    const refOfPartition = new Map([...new Set(refs)].map((ref) => [rootPartition(retailerId, entityType, ref), ref]));
    const keys = [...refOfPartition.entries()].map(([PK, ref]) => ({ PK, SK: entitySortKey(entityType, ref) }));
    const items = await batchGet(this.client, this.tableName, keys, { projection: 'PK', noun: 'entity keys' });
    const found = new Set<string>();
    for (const item of items) {
      const ref = refOfPartition.get(item.PK as string);
      if (ref !== undefined) found.add(ref);
    }
    return found;
  }
}
