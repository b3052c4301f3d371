import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import type { AccountChange } from '../../domain/outbound/account-change';
import type { OutboxRecord } from '../../engine/engine-model';
import {
  ENTITY_SORT_PREFIX,
  EVENT_SORT_KEY,
  OUTBOX_SORT_PREFIX,
  ROOT_PARTITION_PREFIX,
  entityFromItem,
  eventRecordFromItem,
  ownerOfEventPartition,
} from './engine-items';
import { batchFromItem, isBatchItem } from './job-items';

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

/**
 * What one stream record says happened, or undefined for a write that matters to nobody outside:
 * a removal (the relay's own deletes and TTL expiries among them), an outbox record rewritten,
 * and every item that is not an outbox record, an entity, an event record or a batch.
 */
export const accountChangeOf = (record: DynamoDBRecord): AccountChange | undefined => {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return undefined;
  const after = itemOf(record.dynamodb?.NewImage);
  if (!after || typeof after.PK !== 'string' || typeof after.SK !== 'string') return undefined;
  const before = itemOf(record.dynamodb?.OldImage);
  const { PK: pk, SK: sk } = after;
  const base = { changeId: record.eventID ?? `${record.dynamodb?.SequenceNumber}`, at: timeOf(record) };

  if (pk.startsWith(ROOT_PARTITION_PREFIX) && sk.startsWith(ENTITY_SORT_PREFIX)) {
    return { ...base, kind: 'ENTITY', after: entityFromItem(after), ...(before ? { before: entityFromItem(before) } : {}) };
  }
  if (isBatchItem(pk, sk)) {
    return { ...base, kind: 'BATCH', after: batchFromItem(after), ...(before ? { before: batchFromItem(before) } : {}) };
  }
  const owner = ownerOfEventPartition(pk);
  if (!owner) return undefined;
  if (sk === EVENT_SORT_KEY) {
    return { ...base, kind: 'EVENT', after: eventRecordFromItem(after), ...(before ? { before: eventRecordFromItem(before) } : {}) };
  }
  // An outbox record is written once, in its execution's transaction: only that write is relayed.
  if (sk.startsWith(OUTBOX_SORT_PREFIX) && record.eventName === 'INSERT') {
    return { ...base, kind: 'OUTBOX', owner, record: outboxRecordOf(after) };
  }
  return undefined;
};

/** The changes a batch of stream records reports, in stream order. */
export const accountChangesOf = (records: readonly DynamoDBRecord[]): AccountChange[] =>
  records.map(accountChangeOf).filter((change): change is AccountChange => change !== undefined);

const STREAM_ARN = /:table\/([^/]+)\/stream\//;

/** The table a stream belongs to, from its ARN (`arn:aws:dynamodb:…:table/<name>/stream/<label>`). */
export const tableOfStream = (streamArn: string | undefined): string | undefined =>
  streamArn === undefined ? undefined : STREAM_ARN.exec(streamArn)?.[1];
