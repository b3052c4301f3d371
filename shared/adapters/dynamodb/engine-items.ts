import type { AuditRecord, Entity, EventRecord, OutboxRecord, ScheduledEventRecord } from '../../engine/model';
import type { Workflow, WorkflowKey } from '../../engine/workflow';

/**
 * How engine records sit in an account's table. Every entity of one root shares a
 * partition, so loading a root is one Query; an event and its audit trail share another.
 */
export const rootPartition = (rootEntityType: string, rootRef: string) => `ROOT#${rootEntityType}#${rootRef}`;
export const entitySortKey = (entityType: string, ref: string) => `ENTITY#${entityType}#${ref}`;
export const eventPartition = (eventId: string) => `EVENT#${eventId}`;
export const EVENT_SORT_KEY = 'EVENT';
export const workflowPartition = (key: WorkflowKey) => `WORKFLOW#${key.retailerId}#${key.entityType}#${key.subtype}`;
export const workflowSortKey = (version: number) => `V#${String(version).padStart(8, '0')}`;
export const OUTBOX_PARTITION = 'OUTBOX';
export const SCHEDULED_PARTITION = 'SCHEDULED';

/** Event-log indexes: GSI1 by root, GSI2 by outcome, GSI3 everything by time. */
export const eventsByRoot = (rootRef: string) => `EVENTS#ROOT#${rootRef}`;
export const eventsByOutcome = (outcome: string) => `EVENTS#STATUS#${outcome}`;
export const ALL_EVENTS = 'EVENTS';

export const entityItem = (entity: Entity) => ({
  PK: rootPartition(entity.rootEntityType, entity.rootRef),
  SK: entitySortKey(entity.entityType, entity.ref),
  GSI1PK: `ENTITIES#${entity.entityType}`,
  GSI1SK: `${entity.createdOn}#${entity.ref}`,
  GSI2PK: `ENTITIES#${entity.entityType}#STATUS#${entity.status}`,
  GSI2SK: `${entity.updatedOn}#${entity.ref}`,
  ...entity,
});

const ENTITY_FIELDS = [
  'retailerId',
  'entityType',
  'subtype',
  'ref',
  'id',
  'status',
  'attributes',
  'workflowRef',
  'workflowVersion',
  'version',
  'rootEntityType',
  'rootRef',
  'createdOn',
  'updatedOn',
] as const;

export const entityFromItem = (item: Record<string, unknown>): Entity => {
  const entity = Object.fromEntries(ENTITY_FIELDS.map((field) => [field, item[field]])) as unknown as Entity;
  if (item.reservations !== undefined) entity.reservations = item.reservations as Entity['reservations'];
  return entity;
};

export const auditItem = (record: AuditRecord, executionStartedAt: string, expiresAt: number) => ({
  PK: eventPartition(record.eventId),
  // Attempts of a retried event each keep their own trail, in order.
  SK: `AUDIT#${executionStartedAt}#${String(record.seq).padStart(6, '0')}`,
  expiresAt,
  ...record,
});

export const outboxItem = (record: OutboxRecord) => ({
  PK: OUTBOX_PARTITION,
  SK: `${record.createdOn}#${record.id}`,
  ...record,
});

export const scheduledItem = (record: ScheduledEventRecord) => ({
  PK: SCHEDULED_PARTITION,
  SK: `${record.dueAt}#${record.id}`,
  ...record,
});

export const workflowItem = (workflow: Workflow & { version: number }, createdOn: string) => ({
  PK: workflowPartition(workflow),
  SK: workflowSortKey(workflow.version),
  createdOn,
  workflow,
});

export const eventRecordFromItem = (item: Record<string, unknown>): EventRecord => ({
  event: item.event as EventRecord['event'],
  outcome: item.outcome as EventRecord['outcome'],
  receivedOn: item.receivedOn as string,
  processedOn: item.processedOn as string | undefined,
  rootEntityType: item.rootEntityType as string,
  rootRef: item.rootRef as string,
  error: item.error as EventRecord['error'],
  attempts: item.attempts as number,
});
