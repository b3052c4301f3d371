import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import type { AccountChange } from '../../domain/outbound/account-change';
import type { OutboxRecord, StatusChange } from '../../engine/engine-model';
import {
  ENTITY_SORT_PREFIX,
  EVENT_PARTITION_PREFIX,
  EVENT_SORT_KEY,
  OUTBOX_SORT_PREFIX,
  ROOT_PARTITION_PREFIX,
  entityFromItem,
  eventRecordFromItem,
  ownerOfEventPartition,
} from './engine-items';
import { batchFromItem, batchOfChunkKeys, isBatchItem, isChunkResultItem, resultFromItem } from './job-items';

type Item = Record<string, unknown>;
type Image = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

/**
 * A stream record's image is DynamoDB JSON as Lambda hands it on: binary values are base64 text.
 * They become bytes again, as a read through the SDK gives them (a batch's packed errors).
 */
const decoded = (value: AttributeValue): SdkAttributeValue => {
  if (value.B !== undefined) return { B: Buffer.from(value.B, 'base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((item) => Buffer.from(item, 'base64')) };
  if (value.M !== undefined) return { M: decodedImage(value.M) };
  if (value.L !== undefined) return { L: value.L.map(decoded) };
  return value as SdkAttributeValue;
};

const decodedImage = (image: Image): Record<string, SdkAttributeValue> =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, decoded(value)]));

const itemOf = (image: Image | undefined): Item | undefined => (image ? unmarshall(decodedImage(image)) : undefined);

const outboxRecordOf = ({ id, kind, eventId, createdOn, payload }: Item): OutboxRecord => ({
  id: id as string,
  kind: kind as OutboxRecord['kind'],
  eventId: eventId as string,
  createdOn: createdOn as string,
  payload: payload as OutboxRecord['payload'],
});

/** When the write was made; the time it was read, should the stream not say. */
const timeOf = (record: DynamoDBRecord): string => {
  const seconds = record.dynamodb?.ApproximateCreationDateTime;
  return (seconds === undefined ? new Date() : new Date(seconds * 1000)).toISOString();
};

type ChangeKind = AccountChange['kind'];

/** What an item is, from its key alone, so an item nobody outside cares about is never decoded. */
const kindOf = (pk: string, sk: string): ChangeKind | undefined => {
  if (pk.startsWith(ROOT_PARTITION_PREFIX) && sk.startsWith(ENTITY_SORT_PREFIX)) return 'ENTITY';
  if (isBatchItem(pk, sk)) return 'BATCH';
  if (isChunkResultItem(pk, sk)) return 'BATCH_CHUNK';
  if (!pk.startsWith(EVENT_PARTITION_PREFIX)) return undefined;
  if (sk === EVENT_SORT_KEY) return 'EVENT';
  return sk.startsWith(OUTBOX_SORT_PREFIX) ? 'OUTBOX' : undefined;
};

/**
 * What one stream record says happened, or undefined for a write that matters to nobody outside:
 * a removal (the relay's own deletes and TTL expiries among them), an outbox record rewritten,
 * and every item that is not an outbox record, an entity, an event record, a batch or a chunk's result.
 */
export const accountChangeOf = (record: DynamoDBRecord): AccountChange | undefined => {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return undefined;
  const pk = record.dynamodb?.Keys?.PK?.S;
  const sk = record.dynamodb?.Keys?.SK?.S;
  const kind = pk === undefined || sk === undefined ? undefined : kindOf(pk, sk);
  // An outbox record is written once, in its execution's transaction: only that write is relayed.
  if (kind === undefined || (kind === 'OUTBOX' && record.eventName !== 'INSERT')) return undefined;
  const after = itemOf(record.dynamodb?.NewImage);
  if (!after) return undefined;
  const before = itemOf(record.dynamodb?.OldImage);
  const base = {
    changeId: record.eventID ?? `${record.dynamodb?.SequenceNumber}`,
    at: timeOf(record),
    ...(typeof after.correlationId === 'string' ? { correlationId: after.correlationId } : {}),
  };
  switch (kind) {
    case 'ENTITY':
      return {
        ...base,
        kind,
        after: entityFromItem(after),
        ...(before ? { before: entityFromItem(before) } : {}),
        ...(Array.isArray(after.statusChanges) ? { statusChanges: after.statusChanges as StatusChange[] } : {}),
      };
    case 'BATCH':
      return { ...base, kind, after: batchFromItem(after), ...(before ? { before: batchFromItem(before) } : {}) };
    case 'EVENT':
      return { ...base, kind, after: eventRecordFromItem(after), ...(before ? { before: eventRecordFromItem(before) } : {}) };
    case 'BATCH_CHUNK':
      return { ...base, kind, ...batchOfChunkKeys(pk as string, sk as string), result: resultFromItem(after) };
    case 'OUTBOX': {
      const owner = ownerOfEventPartition(pk as string);
      return owner && { ...base, kind, owner, record: outboxRecordOf(after) };
    }
  }
};

/** The changes a batch of stream records reports, in stream order. */
export const accountChangesOf = (records: readonly DynamoDBRecord[]): AccountChange[] =>
  records.map(accountChangeOf).filter((change): change is AccountChange => change !== undefined);

const STREAM_ARN = /:table\/([^/]+)\/stream\//;

/** The table a stream belongs to, from its ARN (`arn:aws:dynamodb:…:table/<name>/stream/<label>`). */
export const tableOfStream = (streamArn: string | undefined): string | undefined =>
  streamArn === undefined ? undefined : STREAM_ARN.exec(streamArn)?.[1];
