import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { StockFigureChange } from '../../ports/stock-summaries';

const COUNT_PREFIX = 'LOC#';
const RESERVATION_PREFIX = 'RES#';

const figuresOf = (image: NonNullable<DynamoDBRecord['dynamodb']>['NewImage']): Record<string, unknown> | undefined =>
  // Stock items hold strings and numbers only: no binary to decode first (see stream-changes.ts).
  image ? unmarshall(image as Record<string, SdkAttributeValue>) : undefined;

/**
 * What a stream record says of an inventory position's count or reservation item (see
 * inventory-items.ts), or undefined for any other item. Keys name the position; the new image gives
 * the figures after the write, and a removal gives none.
 */
export const stockFigureChangeOf = (record: DynamoDBRecord): StockFigureChange | undefined => {
  const pk = record.dynamodb?.Keys?.PK?.S;
  const sk = record.dynamodb?.Keys?.SK?.S;
  if (!pk?.startsWith('SKU#') || sk === undefined) return undefined;
  const skuRef = pk.slice('SKU#'.length);
  const after = record.eventName === 'REMOVE' ? undefined : figuresOf(record.dynamodb?.NewImage);
  if (sk.startsWith(COUNT_PREFIX)) {
    const locationRef = sk.slice(COUNT_PREFIX.length);
    return after
      ? { skuRef, locationRef, part: 'count', count: { onHand: Number(after.onHand ?? 0), safetyStock: Number(after.safetyStock ?? 0) } }
      : { skuRef, locationRef, part: 'count' };
  }
  if (sk.startsWith(RESERVATION_PREFIX)) {
    return { skuRef, locationRef: sk.slice(RESERVATION_PREFIX.length), part: 'reservation', reserved: Number(after?.reserved ?? 0) };
  }
  return undefined;
};

/** The stock changes of a batch of stream records, in stream order. */
export const stockFigureChangesOf = (records: readonly DynamoDBRecord[]): StockFigureChange[] =>
  records.map(stockFigureChangeOf).filter((change): change is StockFigureChange => change !== undefined);
