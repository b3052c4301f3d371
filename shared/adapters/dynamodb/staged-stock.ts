import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InsufficientStockError, VersionConflictError } from '../../engine/engine-errors';
import type { PositionDelta } from '../../engine/stock-changes';
import { reservationKey, stockCountKey } from './inventory-items';
import type { PositionWrite } from './position-writes';

/** The partition of stock staged ahead of a commit too large for one transaction; empty but for commits in flight. */
export const STAGED_PARTITION = 'STAGED';

/** One position's writes and the delta they apply. */
export interface PositionWrites {
  delta: PositionDelta;
  writes: PositionWrite[];
}

/** The part of a delta the ledger keeps, to take it back. */
type StagedDelta = Pick<PositionDelta, 'skuRef' | 'locationRef' | 'onHand' | 'reserved'>;

/** A staged chunk: its ledger item's key and what to take back. */
export interface StagedChunk {
  key: { PK: string; SK: string };
  deltas: StagedDelta[];
}

/** Writes of a delta taken back: the opposite figures, with no condition (the ledger's existence is the guard). */
const reversal = (tableName: string, delta: StagedDelta): PositionWrite[] => [
  ...(delta.reserved !== 0
    ? [{ Update: { TableName: tableName, Key: reservationKey(delta.skuRef, delta.locationRef), UpdateExpression: 'SET reserved = reserved - :qty', ExpressionAttributeValues: { ':qty': delta.reserved } } }]
    : []),
  ...(delta.onHand !== 0
    ? [{ Update: { TableName: tableName, Key: stockCountKey(delta.skuRef, delta.locationRef), UpdateExpression: 'SET onHand = onHand - :qty', ExpressionAttributeValues: { ':qty': delta.onHand } } }]
    : []),
];

/** A refused chunk as the engine understands it: short of stock (it re-runs on fresh figures), or a conflict. */
const stagingFailure = (error: unknown, chunk: readonly PositionWrites[]): unknown => {
  if (!(error instanceof TransactionCanceledException)) return error;
  const deltas = chunk.flatMap(({ delta, writes }) => writes.map(() => delta));
  const failed = (error.CancellationReasons ?? []).findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
  const delta = deltas[failed];
  if (delta) return new InsufficientStockError(delta.skuRef, delta.locationRef, `Not enough stock of ${delta.skuRef} at ${delta.locationRef}`);
  return new VersionConflictError('A concurrent write conflicted while stock was staged');
};

/** Take-backs tried at once before a chunk is left to the sweep of abandoned ones. */
const TAKE_BACK_TRIES = 3;

const ledgerGuard = (tableName: string, key: StagedChunk['key']): PositionWrite => ({
  Delete: { TableName: tableName, Key: key, ConditionExpression: 'attribute_exists(PK)' },
});

/**
 * Stock changes of one execution too many for its transaction, written ahead of it in chunks. Each chunk's
 * transaction holds its positions' conditioned writes and a ledger item naming them; the execution's own
 * transaction deletes the ledger items on condition they still exist. Whoever deletes a ledger item decides
 * the chunk's fate: the commit keeps it, a take-back (after a failure, or the sweep of one abandoned by a
 * crash) reverses it. So a chunk is applied exactly once with its execution, or not at all.
 */
export class StockStaging {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Writes the chunks in turn; if one fails, takes back those written and rethrows. */
  async stage(eventId: string, stagedOn: string, chunks: readonly PositionWrites[][]): Promise<StagedChunk[]> {
    const staged: StagedChunk[] = [];
    try {
      for (const [index, chunk] of chunks.entries()) {
        const key = { PK: STAGED_PARTITION, SK: `${stagedOn}#${eventId}#${index}` };
        const deltas = chunk.map(({ delta: { skuRef, locationRef, onHand, reserved } }) => ({ skuRef, locationRef, onHand, reserved }));
        await this.client
          .send(
            new TransactWriteCommand({
              TransactItems: [...chunk.flatMap(({ writes }) => writes), { Put: { TableName: this.tableName, Item: { ...key, eventId, stagedOn, deltas } } }],
            }),
          )
          .catch((error: unknown) => {
            throw stagingFailure(error, chunk);
          });
        staged.push({ key, deltas });
      }
    } catch (error) {
      await this.takeBack(staged);
      throw error;
    }
    return staged;
  }

  /** For the execution's transaction: the guard that the chunks are still staged, deleting their ledger items. */
  commitGuards(staged: readonly StagedChunk[]): PositionWrite[] {
    return staged.map(({ key }) => ledgerGuard(this.tableName, key));
  }

  /**
   * Reverses the chunks whose ledger items still exist; one already decided (its ledger item gone) is left alone.
   * A chunk still refused after a few tries (concurrent orders on its positions) is left for the sweep.
   */
  async takeBack(staged: readonly StagedChunk[]): Promise<void> {
    for (const chunk of staged) {
      const items = [...chunk.deltas.flatMap((delta) => reversal(this.tableName, delta)), ledgerGuard(this.tableName, chunk.key)];
      for (let attempt = 1; attempt <= TAKE_BACK_TRIES; attempt += 1) {
        try {
          await this.client.send(new TransactWriteCommand({ TransactItems: items }));
          break;
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw error;
          const decided = error.CancellationReasons?.[items.length - 1]?.Code === 'ConditionalCheckFailed';
          if (decided) break;
        }
      }
    }
  }

  /** Takes back the chunks staged before `before` and never committed: their execution died between the two. */
  async takeBackAbandoned(before: string): Promise<number> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND SK < :before',
        ExpressionAttributeValues: { ':pk': STAGED_PARTITION, ':before': before },
        ConsistentRead: true,
      }),
    );
    await this.takeBack(Items.map((item) => ({ key: { PK: item.PK as string, SK: item.SK as string }, deltas: item.deltas as StagedDelta[] })));
    return Items.length;
  }
}

/** The most chunks one execution may stage: ten transactions of stock ahead of its own. */
export const MAX_STAGED_CHUNKS = 10;
/** Writes of one chunk: the transaction's cap, less its ledger item. */
const CHUNK_WRITES = 99;

/** The commit's stock writes, one entry per position, in order (a position's writes stay together). */
export const byPosition = (stock: readonly { write: PositionWrite; delta: PositionDelta }[]): PositionWrites[] => {
  const positions: PositionWrites[] = [];
  for (const { write, delta } of stock) {
    const last = positions[positions.length - 1];
    if (last?.delta === delta) last.writes.push(write);
    else positions.push({ delta, writes: [write] });
  }
  return positions;
};

const chunked = (positions: readonly PositionWrites[]): PositionWrites[][] => {
  const chunks: PositionWrites[][] = [];
  let size = CHUNK_WRITES;
  for (const position of positions) {
    if (size + position.writes.length > CHUNK_WRITES) {
      chunks.push([]);
      size = 0;
    }
    chunks[chunks.length - 1]?.push(position);
    size += position.writes.length;
  }
  return chunks;
};

/**
 * Which positions go in the execution's transaction (`room` items are left there for them and the guards) and
 * which are staged ahead of it; undefined when even staging cannot make it fit.
 */
export const splitStock = (positions: readonly PositionWrites[], room: number): { final: PositionWrites[]; chunks: PositionWrites[][] } | undefined => {
  const total = positions.reduce((sum, position) => sum + position.writes.length, 0);
  if (room < 0) return undefined;
  if (total <= room) return { final: [...positions], chunks: [] };
  for (let guards = 1; guards <= MAX_STAGED_CHUNKS && guards <= room; ) {
    let split = positions.length;
    let used = 0;
    while (split > 0 && used + (positions[split - 1]?.writes.length ?? 0) <= room - guards) used += positions[--split]?.writes.length ?? 0;
    const chunks = chunked(positions.slice(0, split));
    if (chunks.length <= guards) return { final: positions.slice(split), chunks };
    guards = chunks.length;
  }
  return undefined;
};
