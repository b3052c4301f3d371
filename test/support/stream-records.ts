import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

type Item = Record<string, unknown>;

/** The stream of an account table, as DynamoDB names it. */
export const streamArnOf = (tableName: string, label = '2025-03-14T09:00:00.000') =>
  `arn:aws:dynamodb:us-east-1:123456789012:table/${tableName}/stream/${label}`;

/** DynamoDB JSON as Lambda hands it on: binary values in base64. */
const wire = (value: SdkAttributeValue): AttributeValue => {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((item) => Buffer.from(item).toString('base64')) };
  if (value.M !== undefined) return { M: wireImage(value.M) };
  if (value.L !== undefined) return { L: value.L.map(wire) };
  return value as AttributeValue;
};

const wireImage = (image: Record<string, SdkAttributeValue>): Record<string, AttributeValue> =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, wire(value)]));

const imageOf = (item: Item) => wireImage(marshall(item, { removeUndefinedValues: true }));

let sequence = 1000;

/**
 * One record of an account table's stream (NEW_AND_OLD_IMAGES), shaped as Lambda delivers it:
 * an INSERT has a new image, a MODIFY both, a REMOVE the old one alone.
 */
export const streamRecord = (
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  images: { newItem?: Item; oldItem?: Item },
  options: { tableName?: string; eventID?: string; at?: Date } = {},
): DynamoDBRecord => {
  sequence += 1;
  const keyed = (images.newItem ?? images.oldItem) as Item;
  return {
    eventID: options.eventID ?? `c0ffee${sequence}`,
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor((options.at ?? new Date('2025-03-14T09:26:53.000Z')).getTime() / 1000),
      Keys: imageOf({ PK: keyed.PK, SK: keyed.SK }),
      ...(images.newItem ? { NewImage: imageOf(images.newItem) } : {}),
      ...(images.oldItem ? { OldImage: imageOf(images.oldItem) } : {}),
      SequenceNumber: `${sequence}00000000000000000001`,
      SizeBytes: 256,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: streamArnOf(options.tableName ?? 'ordo-unit-acct-acme'),
  };
};

export const insertOf = (item: Item, options?: Parameters<typeof streamRecord>[2]) => streamRecord('INSERT', { newItem: item }, options);
export const modifyOf = (oldItem: Item, newItem: Item, options?: Parameters<typeof streamRecord>[2]) =>
  streamRecord('MODIFY', { oldItem, newItem }, options);
export const removeOf = (item: Item, options?: Parameters<typeof streamRecord>[2]) => streamRecord('REMOVE', { oldItem: item }, options);

export const streamEvent = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });
