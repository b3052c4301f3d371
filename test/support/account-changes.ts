import type { Batch, ChunkResult } from '../../shared/domain/jobs/batch';
import type { AccountChange } from '../../shared/domain/outbound/account-change';
import type { OutboundContext } from '../../shared/domain/outbound/outbound-context';
import { sealCustomerData } from '../../shared/domain/privacy/customer-data';
import { orderSealer } from '../../shared/domain/privacy/order-sealing';
import type { Action } from '../../shared/engine/actions';
import type { Entity, EventRecord, OrdoEvent, OutboxRecord } from '../../shared/engine/engine-model';
import { outboundPayload } from '../../shared/engine/outbound-messages';
import type { RuleContext } from '../../shared/engine/rule-registry';
import { outboundBody } from '../../shared/engine/rules/core/outbound-body';
import type { DataKeys } from '../../shared/ports/keyring';
import { FixedDataKeys } from './data-keys';
import { InMemoryJobStore } from './jobs';
import { anOrderEntity, londonAddress, orderCustomer, ORDER_RETAILER } from './order-builder';

/** The account every change below belongs to. */
export const CHANGE_ACCOUNT = 'acme';
export const CHANGED_ON = '2025-03-14T09:26:53.000Z';

/** What outboundEventsOf reads, on fakes: fixed data keys and jobs in memory. */
export const outboundContext = (jobs = new InMemoryJobStore(), keys: DataKeys = new FixedDataKeys()): OutboundContext & { jobs: InMemoryJobStore } => ({
  accountId: CHANGE_ACCOUNT,
  keys,
  jobs,
});

let changes = 0;
/** The stream's own id of a change: new each time, as a redelivery through another shard would be. */
const changeId = () => `change-${++changes}`;

/** Order O-1 of ORDER_RETAILER with its customer and address sealed as POST /v1/orders seals them; `attributes` adds to its own. */
export const sealedOrder = async (keys: DataKeys, { attributes: extra = {}, ...overrides }: Partial<Entity> = {}): Promise<Entity> => {
  const order = anOrderEntity('O-1', overrides);
  const seal = await orderSealer({ accountId: CHANGE_ACCOUNT, retailerId: order.retailerId, ref: order.ref }, keys);
  const attributes = {
    type: 'HD',
    lines: [{ lineRef: 'L1', skuRef: 'TEE', qty: 1, unitPrice: 12.5, currency: 'GBP' }],
    requestHash: 'f3a1',
    customer: orderCustomer,
    deliveryAddress: londonAddress,
    ...extra,
  };
  return { ...order, attributes: sealCustomerData(attributes, seal) };
};

/** Fulfilment O-1-F1 of order O-1, at a warehouse. */
export const aFulfilment = (overrides: Partial<Entity> = {}): Entity =>
  anOrderEntity('O-1', {
    entityType: 'FULFILMENT',
    ref: 'O-1-F1',
    id: 'id-O-1-F1',
    status: 'CREATED',
    attributes: { locationRef: 'WH-NORTH', distanceKm: 12.4, lines: [{ lineRef: 'L1', skuRef: 'TEE', qty: 1 }] },
    ...overrides,
  });

export const entityChange = (after: Entity, before?: Entity): AccountChange => ({
  changeId: changeId(),
  at: after.updatedOn,
  kind: 'ENTITY',
  after,
  ...(before ? { before } : {}),
});

/** A stored event record of event `e-1`, an order's SHIP. */
export const anEventRecord = (overrides: Partial<EventRecord> = {}): EventRecord => ({
  event: { id: 'e-1', name: 'SHIP', retailerId: ORDER_RETAILER, entityType: 'ORDER', entityRef: 'O-1', entitySubtype: 'HD', source: 'API' },
  outcome: 'PENDING',
  receivedOn: CHANGED_ON,
  rootEntityType: 'ORDER',
  rootRef: 'O-1',
  attempts: 0,
  ...overrides,
});

export const eventChange = (after: EventRecord, before?: EventRecord): AccountChange => ({
  changeId: changeId(),
  at: CHANGED_ON,
  kind: 'EVENT',
  after,
  ...(before ? { before } : {}),
});

/** A batch of `total` records in `chunkCount` chunks, in job `job-1`. */
export const aBatch = (overrides: Partial<Batch> = {}): Batch => ({
  jobId: 'job-1',
  batchId: 'batch-1',
  entityType: 'INVENTORY',
  action: 'UPSERT',
  total: 3,
  chunkCount: 2,
  rejected: [],
  createdOn: '2025-03-14T09:00:00.000Z',
  ...overrides,
});

export const aChunkResult = (chunk: number, overrides: Partial<ChunkResult> = {}): ChunkResult => ({
  chunk,
  applied: 1,
  unchanged: 0,
  failed: 0,
  errors: [],
  completedOn: `2025-03-14T09:0${chunk}:00.000Z`,
  ...overrides,
});

export const batchChange = (after: Batch): AccountChange => ({ changeId: changeId(), at: after.createdOn, kind: 'BATCH', after });

export const chunkChange = (batch: Batch, result: ChunkResult): AccountChange => ({
  changeId: changeId(),
  at: result.completedOn,
  kind: 'BATCH_CHUNK',
  jobId: batch.jobId,
  batchId: batch.batchId,
  result,
});

/** The event whose execution wrote the outbox records below. */
export const outboxEvent = (entity: Entity, name = 'PICKED', id = 'e-7'): OrdoEvent => ({
  id,
  name,
  retailerId: entity.retailerId,
  entityType: entity.entityType,
  entityRef: entity.ref,
});

type OutboxRequest =
  | { kind: 'WEBHOOK'; eventType: string; url?: string; subscription?: string; includeEntity?: boolean }
  | { kind: 'PUBLISH'; detailType: string; includeEntity?: boolean };

/** The action SendWebhook or PublishEvent returns on `entity`, with the body those rules make. */
const actionOf = (request: OutboxRequest, entity: Entity, event: OrdoEvent): Extract<Action, { type: 'WEBHOOK' | 'PUBLISH' }> => {
  const payload = outboundBody({ event, entity } as RuleContext, request.includeEntity);
  if (request.kind === 'PUBLISH') return { type: 'PUBLISH', detailType: request.detailType, payload };
  const { kind: _kind, includeEntity: _include, ...target } = request;
  return { type: 'WEBHOOK', ...target, payload };
};

/** The outbox record the engine writes for a SendWebhook or PublishEvent on `entity`, and the change that reports it. */
export const outboxChange = (
  request: OutboxRequest,
  entity: Entity,
  { event = outboxEvent(entity), id = 'ob-1', createdOn = CHANGED_ON }: { event?: OrdoEvent; id?: string; createdOn?: string } = {},
): AccountChange => {
  const action = actionOf(request, entity, event);
  const record: OutboxRecord = { id, kind: action.type, eventId: event.id, createdOn, payload: outboundPayload(action, entity, event) };
  return { changeId: changeId(), at: createdOn, kind: 'OUTBOX', owner: { retailerId: entity.retailerId, eventId: event.id }, record };
};
