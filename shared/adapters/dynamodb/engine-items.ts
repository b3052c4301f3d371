import type { AuditRecord, Entity, EventRecord, OutboxRecord, ScheduledEventRecord } from '../../engine/engine-model';
import type { Workflow, WorkflowKey } from '../../engine/workflow';

/**
 * How engine records sit in an account's table. Every entity of one root shares a
 * partition, so loading a root is one Query; an event and its audit trail share another.
 * Refs and event ids are unique per retailer, so both partitions start with the retailer.
 * What an execution leaves in the outbox sits with its event too, so relaying one event's
 * records reads only that partition.
 */

/** Encoded, so a `#` in a retailer id can never make two retailers' keys meet. */
export const retailerSegment = (retailerId: string) => encodeURIComponent(retailerId);
export const rootPartition = (retailerId: string, rootEntityType: string, rootRef: string) =>
  `ROOT#${retailerSegment(retailerId)}#${rootEntityType}#${rootRef}`;
export const entitySortKey = (entityType: string, ref: string) => `ENTITY#${entityType}#${ref}`;
export const eventPartition = (retailerId: string, eventId: string) => `EVENT#${retailerSegment(retailerId)}#${eventId}`;
export const ROOT_PARTITION_PREFIX = 'ROOT#';
export const EVENT_PARTITION_PREFIX = 'EVENT#';
export const ENTITY_SORT_PREFIX = 'ENTITY#';
export const EVENT_SORT_KEY = 'EVENT';
export const workflowPartition = (key: WorkflowKey) => `WORKFLOW#${key.retailerId}#${key.entityType}#${key.subtype}`;
export const workflowSortKey = (version: number) => `V#${String(version).padStart(8, '0')}`;
export const SCHEDULED_PARTITION = 'SCHEDULED';

/** Event-log indexes: GSI1 by root, GSI2 by outcome, GSI3 everything by time. */
export const eventsByRoot = (rootRef: string) => `EVENTS#ROOT#${rootRef}`;
export const eventsByOutcome = (outcome: string) => `EVENTS#STATUS#${outcome}`;
export const ALL_EVENTS = 'EVENTS';

/**
 * Claims: one item per retailer that holds a root ref or an event id, written in the
 * transaction of the record it names, so one strongly consistent Query of the claim
 * partition lists the retailers, for a key that reads by ref without naming its retailer.
 */
export const refClaimPartition = (rootEntityType: string, rootRef: string) => `REF#${rootEntityType}#${rootRef}`;
export const eventIdClaimPartition = (eventId: string) => `EVENTID#${eventId}`;

export const refClaimItem = (retailerId: string, rootEntityType: string, rootRef: string) => ({
  PK: refClaimPartition(rootEntityType, rootRef),
  SK: retailerSegment(retailerId),
  retailerId,
});

/** Expires with the event record it names. */
export const eventIdClaimItem = (retailerId: string, eventId: string, expiresAt: number) => ({
  PK: eventIdClaimPartition(eventId),
  SK: retailerSegment(retailerId),
  retailerId,
  expiresAt,
});

export const entityItem = (entity: Entity) => ({
  PK: rootPartition(entity.retailerId, entity.rootEntityType, entity.rootRef),
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
  // Entities written before the field existed have none.
  if (item.lastEventId !== undefined) entity.lastEventId = item.lastEventId as string;
  return entity;
};

/** In the partition of the event that started the execution, of that event's retailer. */
export const auditItem = (record: AuditRecord, retailerId: string, executionStartedAt: string, expiresAt: number) => ({
  PK: eventPartition(retailerId, record.eventId),
  // Attempts of a retried event each keep their own trail, in order.
  SK: `AUDIT#${executionStartedAt}#${String(record.seq).padStart(6, '0')}`,
  expiresAt,
  ...record,
});

/** Of the event that wrote the records, named by its retailer and id. */
export type OutboxOwner = { retailerId: string; eventId: string };

export const OUTBOX_SORT_PREFIX = 'OUTBOX#';

const EVENT_PARTITION = /^EVENT#([^#]*)#(.+)$/;

/** The retailer and event an `EVENT#…` partition belongs to; undefined for any other partition. */
export const ownerOfEventPartition = (pk: string): OutboxOwner | undefined => {
  const match = EVENT_PARTITION.exec(pk);
  return match ? { retailerId: decodeURIComponent(match[1]), eventId: match[2] } : undefined;
};

export const outboxKey = (owner: OutboxOwner, record: OutboxRecord) => ({
  PK: eventPartition(owner.retailerId, owner.eventId),
  SK: `${OUTBOX_SORT_PREFIX}${record.createdOn}#${record.id}`,
});

/** Expires with the event that wrote it, should a relay never remove it. */
export const outboxItem = (owner: OutboxOwner, record: OutboxRecord, expiresAt: number) => ({
  ...outboxKey(owner, record),
  expiresAt,
  ...record,
});

export const scheduledItem = (record: ScheduledEventRecord) => ({
  PK: SCHEDULED_PARTITION,
  SK: `${record.dueAt}#${record.id}`,
  ...record,
});

/**
 * Every workflow version of the account sits in one GSI1 partition, by retailer, then key, then
 * version, so listing them is one Query that leaves the bodies out (versions written before this
 * index key existed are not listed).
 */
export const WORKFLOWS_INDEX_PARTITION = 'WORKFLOWS';
export const workflowsIndexPrefix = (retailerId: string) => `${retailerSegment(retailerId)}#`;

export const workflowItem = (workflow: Workflow & { version: number }, createdOn: string) => ({
  PK: workflowPartition(workflow),
  SK: workflowSortKey(workflow.version),
  GSI1PK: WORKFLOWS_INDEX_PARTITION,
  GSI1SK: `${workflowsIndexPrefix(workflow.retailerId)}${workflow.entityType}#${workflow.subtype}#${workflowSortKey(workflow.version)}`,
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
