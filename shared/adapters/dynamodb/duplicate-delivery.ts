import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../../engine/engine-model';
import { EVENT_SORT_KEY, auditItem, eventPartition, eventRecordFromItem } from './engine-items';

/** Notes a redelivery of an already processed event on its record, and an OUTCOME DUPLICATE on its trail. */
export const recordDuplicateDelivery = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  { retailerId, eventId, at }: { retailerId: string; eventId: string; at: string },
): Promise<void> => {
  const key = { PK: eventPartition(retailerId, eventId), SK: EVENT_SORT_KEY };
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: key }));
  if (!Item) return;
  const record = eventRecordFromItem(Item);
  const duplicate: AuditRecord = {
    eventId,
    seq: 1,
    at,
    kind: 'OUTCOME',
    entityType: record.event.entityType,
    entityRef: record.event.entityRef,
    rootEntityType: record.rootEntityType,
    rootRef: record.rootRef,
    outcome: 'DUPLICATE',
    message: `Event ${eventId} was delivered again after it was processed (${record.outcome}); nothing changed`,
  };
  await client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: tableName,
            Key: key,
            UpdateExpression: 'ADD duplicateDeliveries :one SET lastDuplicateOn = :at',
            ExpressionAttributeValues: { ':one': 1, ':at': at },
          },
        },
        { Put: { TableName: tableName, Item: auditItem(duplicate, retailerId, at, Number(Item.expiresAt ?? 0)) } },
      ],
    }),
  );
};
