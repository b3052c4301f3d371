import type { EventRecord } from '../../engine/engine-model';
import { ALL_EVENTS, EVENT_SORT_KEY, eventIdClaimItem, eventPartition, eventsByOutcome, eventsByRoot } from './engine-items';

/**
 * The event record's upsert, in the partition of the event's retailer. A commit may overwrite
 * a PENDING or FAILED record, never a final one (that is the processed marker); a pending
 * record is only written where none exists. A commit clears a stuck mark (see DynamoStuckEventRecords).
 */
export const eventRecordUpdate = (
  tableName: string,
  record: EventRecord,
  expiresAt: number,
  write: 'COMMIT' | 'NEW_ONLY' = 'COMMIT',
) => {
  const sortKey = `${record.receivedOn}#${record.event.id}`;
  const values: Record<string, unknown> = {
    ':event': record.event,
    ':outcome': record.outcome,
    ':rootType': record.rootEntityType,
    ':rootRef': record.rootRef,
    ':receivedOn': record.receivedOn,
    ':attempts': record.attempts,
    ':zero': 0,
    ':g1pk': eventsByRoot(record.rootRef),
    ':g2pk': eventsByOutcome(record.outcome),
    ':g3pk': ALL_EVENTS,
    ':sk': sortKey,
    ':expiresAt': expiresAt,
    ...(write === 'COMMIT' ? { ':pending': 'PENDING', ':failed': 'FAILED' } : {}),
  };
  const sets = [
    '#event = :event',
    'outcome = :outcome',
    'rootEntityType = :rootType',
    'rootRef = :rootRef',
    'receivedOn = if_not_exists(receivedOn, :receivedOn)',
    'attempts = if_not_exists(attempts, :zero) + :attempts',
    'GSI1PK = :g1pk',
    'GSI1SK = if_not_exists(GSI1SK, :sk)',
    'GSI2PK = :g2pk',
    'GSI2SK = if_not_exists(GSI2SK, :sk)',
    'GSI3PK = :g3pk',
    'GSI3SK = if_not_exists(GSI3SK, :sk)',
    'expiresAt = :expiresAt',
  ];
  // A run that committed has left the DLQ behind, however it got back to the queue.
  const removes: string[] = write === 'COMMIT' ? ['stuckSince'] : [];
  const names: Record<string, string> = { '#event': 'event' };
  for (const [field, value] of [
    ['processedOn', record.processedOn],
    ['error', record.error],
  ] as const) {
    names[`#${field}`] = field;
    if (value === undefined) removes.push(`#${field}`);
    else {
      sets.push(`#${field} = :${field}`);
      values[`:${field}`] = value;
    }
  }
  return {
    Update: {
      TableName: tableName,
      Key: { PK: eventPartition(record.event.retailerId, record.event.id), SK: EVENT_SORT_KEY },
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression:
        write === 'COMMIT' ? 'attribute_not_exists(PK) OR outcome IN (:pending, :failed)' : 'attribute_not_exists(PK)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
};

/** The claim of the event id by its retailer, written beside every write of the event record. */
export const eventIdClaimPut = (tableName: string, record: EventRecord, expiresAt: number) => ({
  Put: { TableName: tableName, Item: eventIdClaimItem(record.event.retailerId, record.event.id, expiresAt) },
});
