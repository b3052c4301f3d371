import { ListTablesCommand, UpdateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { ACCOUNT_TABLE_STREAM } from '../../shared/adapters/dynamodb/table-schemas';

export interface StreamShard {
  shardId: string;
  parentShardId?: string;
}

/** Where to start reading a shard: its oldest record, what comes next, or just after a record already read. */
export type ShardPosition = { type: 'TRIM_HORIZON' | 'LATEST' } | { type: 'AFTER_SEQUENCE_NUMBER'; sequenceNumber: string };

export interface ShardRecords {
  records: DynamoDBRecord[];
  /** Absent once a closed shard has been read to its end. */
  next?: string;
}

/** What the local relay reads account tables' change streams through. */
export interface ChangeStreams {
  /** Tables whose name starts with `prefix`, and whether each has its change stream on. */
  tables(prefix: string): Promise<{ tableName: string; streamArn?: string }[]>;
  enableStream(tableName: string): Promise<void>;
  shards(streamArn: string): Promise<StreamShard[]>;
  iterator(streamArn: string, shardId: string, position: ShardPosition): Promise<string>;
  /** Records in Lambda's DynamoDBStreamEvent shape, naming the stream they come from. */
  records(streamArn: string, iterator: string): Promise<ShardRecords>;
}

interface WireStream {
  StreamArn: string;
  TableName: string;
  StreamLabel: string;
}

interface WireShard {
  ShardId: string;
  ParentShardId?: string;
}

type Image = Record<string, AttributeValue>;

/** DynamoDB Local writes an empty map in a stream record as `{}`; AWS, and the SDK, as `{"M": {}}`. */
const asInAws = (value: AttributeValue): AttributeValue => {
  if (value.M !== undefined) return { M: imageAsInAws(value.M) };
  if (value.L !== undefined) return { L: value.L.map(asInAws) };
  return Object.keys(value).length === 0 ? { M: {} } : value;
};

const imageAsInAws = (image: Image): Image => Object.fromEntries(Object.entries(image).map(([name, value]) => [name, asInAws(value)]));

const recordAsInAws = (record: DynamoDBRecord, streamArn: string): DynamoDBRecord => {
  const change = record.dynamodb ?? {};
  return {
    ...record,
    dynamodb: {
      ...change,
      ...(change.NewImage ? { NewImage: imageAsInAws(change.NewImage) } : {}),
      ...(change.OldImage ? { OldImage: imageAsInAws(change.OldImage) } : {}),
    },
    eventSourceARN: streamArn,
  };
};

/**
 * DynamoDB Local's change streams, read over its JSON protocol. The project has no DynamoDB
 * Streams client, and the wire format is what Lambda hands a function (epoch seconds, binary as
 * base64), so records go on as they come. DynamoDB Local checks no signature: any key will do.
 */
export class LocalChangeStreams implements ChangeStreams {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly endpoint: string,
  ) {}

  private async call<T>(operation: string, body: Record<string, unknown>): Promise<T> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDBStreams_20120810.${operation}`,
        authorization: 'AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=local',
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      const { __type = 'Error', message, Message } = JSON.parse(text || '{}') as { __type?: string; message?: string; Message?: string };
      throw Object.assign(new Error(`${operation}: ${message ?? Message ?? response.status}`), { name: __type.split('#').pop() });
    }
    return JSON.parse(text) as T;
  }

  async tables(prefix: string): Promise<{ tableName: string; streamArn?: string }[]> {
    const names: string[] = [];
    let ExclusiveStartTableName: string | undefined;
    do {
      const page = await this.client.send(new ListTablesCommand({ ExclusiveStartTableName }));
      names.push(...(page.TableNames ?? []).filter((name) => name.startsWith(prefix)));
      ExclusiveStartTableName = page.LastEvaluatedTableName;
    } while (ExclusiveStartTableName);
    // A table re-streamed has had several streams; the latest label is the one being written.
    const latest = new Map<string, WireStream>();
    let ExclusiveStartStreamArn: string | undefined;
    do {
      const page = await this.call<{ Streams?: WireStream[]; LastEvaluatedStreamArn?: string }>('ListStreams', {
        ...(ExclusiveStartStreamArn ? { ExclusiveStartStreamArn } : {}),
      });
      for (const stream of page.Streams ?? []) {
        const known = latest.get(stream.TableName);
        if (!known || known.StreamLabel < stream.StreamLabel) latest.set(stream.TableName, stream);
      }
      ExclusiveStartStreamArn = page.LastEvaluatedStreamArn;
    } while (ExclusiveStartStreamArn);
    return names.map((tableName) => {
      const stream = latest.get(tableName);
      return stream ? { tableName, streamArn: stream.StreamArn } : { tableName };
    });
  }

  async enableStream(tableName: string): Promise<void> {
    await this.client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: ACCOUNT_TABLE_STREAM }));
  }

  async shards(streamArn: string): Promise<StreamShard[]> {
    const shards: StreamShard[] = [];
    let ExclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await this.call<{ StreamDescription: { Shards?: WireShard[]; LastEvaluatedShardId?: string } }>(
        'DescribeStream',
        { StreamArn: streamArn, ...(ExclusiveStartShardId ? { ExclusiveStartShardId } : {}) },
      );
      for (const { ShardId, ParentShardId } of StreamDescription.Shards ?? []) {
        shards.push(ParentShardId ? { shardId: ShardId, parentShardId: ParentShardId } : { shardId: ShardId });
      }
      ExclusiveStartShardId = StreamDescription.LastEvaluatedShardId;
    } while (ExclusiveStartShardId);
    return shards;
  }

  async iterator(streamArn: string, shardId: string, position: ShardPosition): Promise<string> {
    const { ShardIterator } = await this.call<{ ShardIterator: string }>('GetShardIterator', {
      StreamArn: streamArn,
      ShardId: shardId,
      ShardIteratorType: position.type,
      ...(position.type === 'AFTER_SEQUENCE_NUMBER' ? { SequenceNumber: position.sequenceNumber } : {}),
    });
    return ShardIterator;
  }

  async records(streamArn: string, iterator: string): Promise<ShardRecords> {
    const { Records = [], NextShardIterator } = await this.call<{ Records?: DynamoDBRecord[]; NextShardIterator?: string }>('GetRecords', {
      ShardIterator: iterator,
      Limit: 100,
    });
    const records = Records.map((record) => recordAsInAws(record, streamArn));
    return NextShardIterator ? { records, next: NextShardIterator } : { records };
  }
}
