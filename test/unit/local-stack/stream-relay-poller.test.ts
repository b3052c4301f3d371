import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { StreamRelayPoller, type GivenUp, type RelayAnswer } from '../../../scripts/local-stack/stream-relay-poller';
import type { ChangeStreams, ShardPosition, ShardRecords, StreamShard } from '../../../scripts/local-stack/stream-reader';
import { insertOf, streamArnOf } from '../../support/stream-records';

const PREFIX = 'ordo-unit-acct-';
const ACME = `${PREFIX}acme`;
const GLOBEX = `${PREFIX}globex`;

/** Change streams in memory: each shard a list of records, an iterator a place in it. */
class FakeStreams implements ChangeStreams {
  readonly streamOf = new Map<string, string | undefined>();
  readonly shardsOf = new Map<string, StreamShard[]>();
  readonly written = new Map<string, DynamoDBRecord[]>();
  readonly closed = new Set<string>();
  readonly enabled: string[] = [];
  readonly failingShards = new Set<string>();

  addTable(tableName: string, withStream = true): void {
    this.streamOf.set(tableName, withStream ? streamArnOf(tableName) : undefined);
    if (withStream) this.addShard(tableName, 'shard-1');
  }

  addShard(tableName: string, shardId: string, parentShardId?: string): void {
    const streamArn = streamArnOf(tableName);
    this.shardsOf.set(streamArn, [...(this.shardsOf.get(streamArn) ?? []), parentShardId ? { shardId, parentShardId } : { shardId }]);
    this.written.set(`${streamArn}|${shardId}`, []);
  }

  /** A write to the table, as its stream reports it; the record's sequence number is returned. */
  write(tableName: string, shardId = 'shard-1'): string {
    const record = insertOf({ PK: `ROOT#r1#ORDER#O-${Math.random()}`, SK: 'ENTITY#ORDER#O-1' }, { tableName });
    this.written.get(`${streamArnOf(tableName)}|${shardId}`)?.push(record);
    return record.dynamodb?.SequenceNumber as string;
  }

  async tables(prefix: string) {
    return [...this.streamOf.entries()]
      .filter(([tableName]) => tableName.startsWith(prefix))
      .map(([tableName, streamArn]) => (streamArn ? { tableName, streamArn } : { tableName }));
  }

  async enableStream(tableName: string): Promise<void> {
    this.enabled.push(tableName);
  }

  async shards(streamArn: string): Promise<StreamShard[]> {
    return this.shardsOf.get(streamArn) ?? [];
  }

  async iterator(streamArn: string, shardId: string, position: ShardPosition): Promise<string> {
    const records = this.written.get(`${streamArn}|${shardId}`) ?? [];
    const after = (sequenceNumber: string) => records.findIndex((record) => record.dynamodb?.SequenceNumber === sequenceNumber) + 1;
    const at = position.type === 'AFTER_SEQUENCE_NUMBER' ? after(position.sequenceNumber) : position.type === 'LATEST' ? records.length : 0;
    return `${streamArn}|${shardId}@${at}`;
  }

  async records(_streamArn: string, iterator: string): Promise<ShardRecords> {
    const [key, at] = iterator.split('@');
    if (this.failingShards.has(key)) throw Object.assign(new Error('Iterator expired'), { name: 'ExpiredIteratorException' });
    const records = (this.written.get(key) ?? []).slice(Number(at), Number(at) + 100);
    const end = Number(at) + records.length;
    return this.closed.has(key) && end >= (this.written.get(key) ?? []).length ? { records } : { records, next: `${key}@${end}` };
  }
}

let streams: FakeStreams;
let clock: number;
let answers: ((event: DynamoDBStreamEvent) => RelayAnswer)[];
let invoked: string[][];
let givenUp: GivenUp[];
let logged: string[];

const sequences = (event: DynamoDBStreamEvent) => event.Records.map((record) => record.dynamodb?.SequenceNumber as string);

const poller = () =>
  new StreamRelayPoller({
    streams,
    invoke: async (event) => {
      invoked.push(sequences(event));
      return (answers.shift() ?? (() => ({ failed: [] })))(event);
    },
    giveUp: async (message) => void givenUp.push(message),
    tablePrefix: PREFIX,
    log: (line) => void logged.push(line),
    now: () => clock,
    maxTries: 5,
    backoffMs: 100,
  });

/** One round as the relay runs them: look for streams, then read every shard. */
const round = async (relay: StreamRelayPoller) => {
  await relay.discover();
  await relay.poll();
};

const failing = (sequenceNumbers: string[]) => () => ({ failed: sequenceNumbers });

describe('the local stream relay', () => {
  beforeEach(() => {
    streams = new FakeStreams();
    clock = 0;
    answers = [];
    invoked = [];
    givenUp = [];
    logged = [];
  });

  it("hands a table's new records to the relay function as one stream event that names the table's stream", async () => {
    // Prepare
    streams.addTable(ACME);
    const relay = poller();
    await round(relay);
    const written = [streams.write(ACME), streams.write(ACME)];
    let received: DynamoDBStreamEvent | undefined;
    answers.push((event) => ((received = event), { failed: [] }));

    // Act
    await round(relay);

    // Assess
    expect(received && sequences(received)).toEqual(written);
    expect(received?.Records.every((record) => record.eventSourceARN === streamArnOf(ACME))).toBe(true);
  });

  it('leaves what was written before it started, and reads a table that appears later from its start', async () => {
    // Prepare
    streams.addTable(ACME);
    streams.write(ACME);
    const relay = poller();
    await round(relay);
    streams.addTable(GLOBEX);
    const early = streams.write(GLOBEX);

    // Act
    await round(relay);

    // Assess
    expect(invoked).toEqual([[early]]);
  });

  it('turns the stream on for an account table that has none, and for no other table', async () => {
    // Prepare
    streams.addTable(ACME, false);
    streams.addTable('ordo-unit-control', false);

    // Act
    await round(poller());

    // Assess
    expect(streams.enabled).toEqual([ACME]);
  });

  it('hands on again from the first record the function answered as failed', async () => {
    // Prepare
    streams.addTable(ACME);
    const relay = poller();
    await round(relay);
    const [first, second, third] = [streams.write(ACME), streams.write(ACME), streams.write(ACME)];
    answers.push(failing([second, third]));
    await round(relay);
    clock += 100;

    // Act
    await round(relay);

    // Assess
    expect(invoked).toEqual([
      [first, second, third],
      [second, third],
    ]);
  });

  it('waits longer before each new try of a failing batch', async () => {
    // Prepare
    streams.addTable(ACME);
    const relay = poller();
    await round(relay);
    const written = streams.write(ACME);
    answers.push(failing([written]), failing([written]));
    await round(relay);
    clock += 100;
    await round(relay);

    // Act
    clock += 150;
    await round(relay);
    const tooEarly = invoked.length;
    clock += 50;
    await round(relay);

    // Assess
    expect(tooEarly).toBe(2);
    expect(invoked).toHaveLength(3);
  });

  it('sends the table, stream and sequence numbers to the outbox DLQ after the fifth failed try, and moves on', async () => {
    // Prepare
    streams.addTable(ACME);
    const relay = poller();
    await round(relay);
    const stuck = [streams.write(ACME), streams.write(ACME)];
    answers.push(...Array.from({ length: 5 }, () => failing(stuck)));
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await round(relay);
      clock += 10_000;
    }
    const later = streams.write(ACME);

    // Act
    await round(relay);

    // Assess
    expect(givenUp).toEqual([
      { accountTable: ACME, streamArn: streamArnOf(ACME), shardId: 'shard-1', sequenceNumbers: stuck, error: expect.stringContaining('2 of 2') },
    ]);
    expect(invoked.at(-1)).toEqual([later]);
  });

  it('counts a function that failed outright as a failed try of the whole batch', async () => {
    // Prepare
    streams.addTable(ACME);
    const relay = poller();
    await round(relay);
    const written = streams.write(ACME);
    answers.push(() => {
      throw Object.assign(new Error('Task timed out after 60.00 seconds'), { name: 'TimeoutError' });
    });
    await round(relay);
    clock += 100;

    // Act
    await round(relay);

    // Assess
    expect(invoked).toEqual([[written], [written]]);
    expect(logged.some((line) => line.includes('TimeoutError'))).toBe(true);
  });

  it('logs a shard it cannot read and goes on with the others', async () => {
    // Prepare
    streams.addTable(ACME);
    streams.addTable(GLOBEX);
    const relay = poller();
    await round(relay);
    streams.failingShards.add(`${streamArnOf(ACME)}|shard-1`);
    streams.write(ACME);
    const written = streams.write(GLOBEX);

    // Act
    await round(relay);

    // Assess
    expect(invoked).toEqual([[written]]);
    expect(logged.some((line) => line.includes(ACME) && line.includes('ExpiredIteratorException'))).toBe(true);
  });

  it('reads on from just after the last record it read once a failed read is over', async () => {
    // Prepare
    streams.addTable(ACME);
    const relay = poller();
    await round(relay);
    const first = streams.write(ACME);
    await round(relay);
    streams.failingShards.add(`${streamArnOf(ACME)}|shard-1`);
    const second = streams.write(ACME);
    await round(relay);
    streams.failingShards.clear();

    // Act
    await round(relay);

    // Assess
    expect(invoked).toEqual([[first], [second]]);
  });

  it('reads a child shard only once its parent has been read to the end', async () => {
    // Prepare
    streams.addTable(ACME);
    const relay = poller();
    await round(relay);
    const parent = streams.write(ACME);
    streams.closed.add(`${streamArnOf(ACME)}|shard-1`);
    streams.addShard(ACME, 'shard-2', 'shard-1');
    const child = streams.write(ACME, 'shard-2');

    // Act
    await round(relay);
    await relay.poll();

    // Assess
    expect(invoked).toEqual([[parent], [child]]);
  });
});
