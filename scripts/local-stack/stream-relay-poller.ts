import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { ChangeStreams, ShardPosition } from './stream-reader';

/** What the relay function answered: the sequence numbers of the records to hand on again. */
export interface RelayAnswer {
  failed: string[];
}

/** The relay function, invoked as a stream mapping would; throws when the function itself failed. */
export type InvokeRelay = (event: DynamoDBStreamEvent) => Promise<RelayAnswer>;

/** What the outbox DLQ gets for records the relay gave up on, as a mapping's on-failure destination would. */
export interface GivenUp {
  accountTable: string;
  streamArn: string;
  shardId: string;
  sequenceNumbers: string[];
  error: string;
}

export interface StreamRelayOptions {
  streams: ChangeStreams;
  invoke: InvokeRelay;
  giveUp(message: GivenUp): Promise<void>;
  /** Account tables of the stage: `ordo-<stage>-acct-`. */
  tablePrefix: string;
  log(line: string): void;
  now?: () => number;
  /** Tries of one batch before it goes to the DLQ, as the mapping's MaximumRetryAttempts. */
  maxTries?: number;
  /** Wait before the second try; it doubles with each try after. */
  backoffMs?: number;
}

interface ShardState {
  tableName: string;
  streamArn: string;
  shardId: string;
  parentShardId?: string;
  /** Where reading starts when there is no iterator yet. */
  start: ShardPosition;
  iterator?: string;
  /** Read and not yet handed on. */
  pending: DynamoDBRecord[];
  /** Tries of the batch that starts with pending[0]. */
  tries: number;
  nextTryAt: number;
  closed: boolean;
}

const sequenceOf = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber ?? '';
const shardKey = (streamArn: string, shardId: string) => `${streamArn}|${shardId}`;

/**
 * The local stand-in for the stream mappings that account creation makes in AWS. Each round it
 * reads every open shard of every account table's change stream and invokes the relay function
 * with what it read; it finds new tables and shards every few rounds. Records the function
 * answers as failed are tried again from the first of them, with a growing wait; after the last
 * try their place in the stream goes to the outbox DLQ and the shard moves on. Nothing it meets
 * stops it: every error is logged and the round goes on.
 */
export class StreamRelayPoller {
  private readonly shards = new Map<string, ShardState>();
  private readonly finished = new Set<string>();
  private seenOnce = false;
  private readonly now: () => number;
  private readonly maxTries: number;
  private readonly backoffMs: number;

  constructor(private readonly options: StreamRelayOptions) {
    this.now = options.now ?? Date.now;
    this.maxTries = options.maxTries ?? 5;
    this.backoffMs = options.backoffMs ?? 500;
  }

  /** Finds account tables' streams and shards; turns the stream on for a table that has none. */
  async discover(): Promise<void> {
    const tables = await this.options.streams.tables(this.options.tablePrefix);
    const live = new Set<string>();
    for (const { tableName, streamArn } of tables) {
      if (!streamArn) {
        await this.options.streams.enableStream(tableName);
        this.options.log(`turned on the change stream of ${tableName}`);
        continue;
      }
      live.add(streamArn);
      for (const { shardId, parentShardId } of await this.options.streams.shards(streamArn)) {
        const key = shardKey(streamArn, shardId);
        if (this.shards.has(key) || this.finished.has(key)) continue;
        // What was written before the relay started is left alone; a shard (or table) that comes
        // later is read from its start, so nothing written before the relay saw it is missed.
        const start: ShardPosition = { type: this.seenOnce ? 'TRIM_HORIZON' : 'LATEST' };
        this.shards.set(key, { tableName, streamArn, shardId, parentShardId, start, pending: [], tries: 0, nextTryAt: 0, closed: false });
      }
    }
    // Streams of tables deleted since (tests drop theirs) are read no more.
    for (const [key, shard] of this.shards) if (!live.has(shard.streamArn)) this.shards.delete(key);
    this.seenOnce = true;
  }

  /** One round over every shard; a shard's failure is logged and touches no other. */
  async poll(): Promise<void> {
    await Promise.all(
      [...this.shards.entries()].map(([key, shard]) =>
        this.pollShard(key, shard).catch((error: Error) => {
          shard.iterator = undefined;
          this.options.log(`reading ${shard.tableName} (${shard.shardId}) failed: ${error.name}: ${error.message}`);
        }),
      ),
    );
  }

  private async pollShard(key: string, shard: ShardState): Promise<void> {
    // A child shard waits until its parent has been read to the end, as in AWS.
    if (shard.parentShardId && this.shards.has(shardKey(shard.streamArn, shard.parentShardId))) return;
    if (shard.pending.length === 0 && !shard.closed) await this.read(shard);
    if (shard.pending.length > 0 && this.now() >= shard.nextTryAt) await this.handOn(shard);
    if (shard.closed && shard.pending.length === 0) {
      this.shards.delete(key);
      this.finished.add(key);
    }
  }

  private async read(shard: ShardState): Promise<void> {
    shard.iterator ??= await this.options.streams.iterator(shard.streamArn, shard.shardId, shard.start);
    const { records, next } = await this.options.streams.records(shard.streamArn, shard.iterator);
    shard.iterator = next;
    shard.closed = next === undefined;
    shard.pending = records;
    const last = records.at(-1);
    // Should the iterator expire or fail, reading starts again just after what was read.
    if (last) shard.start = { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: sequenceOf(last) };
  }

  private async handOn(shard: ShardState): Promise<void> {
    const first = sequenceOf(shard.pending[0]);
    let error: string;
    try {
      const { failed } = await this.options.invoke({ Records: shard.pending });
      if (failed.length === 0) {
        shard.pending = [];
        shard.tries = 0;
        return;
      }
      const from = shard.pending.findIndex((record) => failed.includes(sequenceOf(record)));
      // An identifier that names no record of the batch fails the whole batch, as in AWS.
      if (from > 0) shard.pending = shard.pending.slice(from);
      error = `the relay answered ${failed.length} of ${shard.pending.length} records as failed`;
    } catch (thrown) {
      error = `${(thrown as Error).name}: ${(thrown as Error).message}`;
    }
    shard.tries = sequenceOf(shard.pending[0]) === first ? shard.tries + 1 : 1;
    if (shard.tries < this.maxTries) {
      shard.nextTryAt = this.now() + this.backoffMs * 2 ** (shard.tries - 1);
      this.options.log(`relaying ${shard.tableName} failed (try ${shard.tries} of ${this.maxTries}): ${error}`);
      return;
    }
    const sequenceNumbers = shard.pending.map(sequenceOf);
    await this.options.giveUp({ accountTable: shard.tableName, streamArn: shard.streamArn, shardId: shard.shardId, sequenceNumbers, error });
    this.options.log(`gave up on ${sequenceNumbers.length} records of ${shard.tableName} after ${shard.tries} tries; sent to the outbox DLQ`);
    shard.pending = [];
    shard.tries = 0;
  }
}
