import type { AccountChange } from '../../../shared/domain/outbound/account-change';
import {
  aBatch,
  aChunkResult,
  aFulfilment,
  anEventRecord,
  chunkChange,
  entityChange,
  eventChange,
  outboundContext,
  outboxChange,
  outboxEvent,
  sealedOrder,
} from '../../support/account-changes';
import { aReturnEntity } from '../../support/returns';

/** The retailer, order and times the examples of docs/webhooks.md show. */
const RETAILER = 'demo-retail';
const ORDER_REF = 'HD-1001';
const CREATED_ON = '2025-03-14T09:26:53.000Z';

type Context = ReturnType<typeof outboundContext>;

const order = (context: Context, status: string, version: number, updatedOn: string, lastEventId: string) =>
  sealedOrder(context.keys, {
    retailerId: RETAILER,
    ref: ORDER_REF,
    rootRef: ORDER_REF,
    id: 'a1b2c3',
    status,
    version,
    attributes: { lines: [{ lineRef: 'L1', skuRef: 'SKU-001', qty: 1, unitPrice: 19.99, currency: 'GBP' }] },
    createdOn: CREATED_ON,
    updatedOn,
    lastEventId,
  });

const fulfilment = (status: string, version: number, updatedOn: string, lastEventId: string) =>
  aFulfilment({
    retailerId: RETAILER,
    ref: `${ORDER_REF}-F1`,
    id: 'd4e5f6',
    rootRef: ORDER_REF,
    status,
    version,
    attributes: { locationRef: 'WH-NORTH', distanceKm: 12.4, lines: [{ lineRef: 'L1', skuRef: 'SKU-001', qty: 1 }] },
    createdOn: CREATED_ON,
    updatedOn,
    lastEventId,
  });

const PICKED_ON = '2025-03-14T11:02:10.000Z';
const picked = () => fulfilment('PICKED', 2, PICKED_ON, 'pick-HD-1001-F1');
/** The outbox record a rule of the PICKED ruleset wrote. */
const pickedBy = (id: string) => ({ event: outboxEvent(picked(), 'PICKED', 'pick-HD-1001-F1'), id, createdOn: PICKED_ON });

/**
 * For each type docs/webhooks.md shows an example of, the change that makes it, with the stores
 * it reads set up in `context`.
 */
export const catalogueChanges: Record<string, (context: Context) => Promise<AccountChange>> = {
  'order.created': async (context) => entityChange(await order(context, 'BOOKED', 1, CREATED_ON, 'create-HD-1001')),
  'order.status_changed': async (context) =>
    entityChange(await order(context, 'ALLOCATED', 3, '2025-03-14T09:26:54.000Z', 'source-HD-1001'), await order(context, 'BOOKED', 2, '2025-03-14T09:26:53.500Z', 'create-HD-1001')),
  'fulfilment.status_changed': async () =>
    entityChange(picked(), fulfilment('CREATED', 1, '2025-03-14T09:26:54.000Z', 'source-HD-1001')),
  'return.received': async () => {
    const returned = (status: string, version: number, updatedOn: string, lastEventId: string, received: boolean) =>
      aReturnEntity({
        retailerId: RETAILER,
        ref: 'RET-1001',
        id: 'f7a8b9',
        rootRef: 'RET-1001',
        status,
        version,
        createdOn: '2025-03-16T10:12:00.000Z',
        updatedOn,
        lastEventId,
        attributes: {
          orderRef: ORDER_REF,
          lines: [
            {
              lineRef: 'L1',
              skuRef: 'SKU-001',
              qty: 1,
              reason: 'too small',
              unitPrice: 19.99,
              currency: 'GBP',
              ...(received ? { condition: 'RESALEABLE' } : {}),
            },
          ],
          ...(received ? { refundableAmount: 19.99 } : {}),
        },
      });
    return {
      ...entityChange(
        returned('COMPLETE', 3, '2025-03-18T15:40:00.000Z', 'receive-RET-1001', true),
        returned('AUTHORISED', 2, '2025-03-16T10:15:00.000Z', 'authorise-RET-1001', false),
      ),
      statusChanges: [
        { from: 'AUTHORISED', to: 'RECEIVED' },
        { from: 'RECEIVED', to: 'COMPLETE' },
      ],
    } as AccountChange;
  },
  'batch.completed': async (context) => {
    const batch = aBatch({ jobId: 'job-5f1c', batchId: 'batch-9a07', total: 2, chunkCount: 1, createdOn: '2025-03-14T02:00:00.000Z' });
    const result = aChunkResult(1, {
      applied: 1,
      failed: 1,
      errors: [{ index: 1, skuRef: 'SKU-002', locationRef: 'NOWHERE', code: 'UNKNOWN_LOCATION', message: 'No location NOWHERE' }],
      completedOn: '2025-03-14T02:00:04.000Z',
    });
    await context.jobs.createJob({ jobId: 'job-5f1c', name: 'nightly count', retailerId: RETAILER, createdOn: batch.createdOn, closesOn: '2025-03-15T02:00:00.000Z' });
    await context.jobs.createBatch(batch);
    await context.jobs.putChunkResult(batch.jobId, batch.batchId, result);
    return chunkChange(batch, result);
  },
  'event.failed': async () => {
    const event = { id: 'ship-HD-1001', name: 'SHIP', retailerId: RETAILER, entityType: 'FULFILMENT', entityRef: `${ORDER_REF}-F1`, entitySubtype: 'HD', rootEntityType: 'ORDER', rootEntityRef: ORDER_REF, source: 'API' as const };
    const received = anEventRecord({ event, rootRef: ORDER_REF, receivedOn: '2025-03-14T11:05:00.000Z' });
    const failed = {
      ...received,
      outcome: 'FAILED' as const,
      attempts: 1,
      processedOn: '2025-03-14T11:05:00.120Z',
      error: { code: 'NOT_RESERVED', message: 'HD-1001-F1 holds no reservation of SKU-001 at WH-NORTH to consume' },
    };
    return eventChange(failed, received);
  },
  'fulfilment.picked': async () => outboxChange({ kind: 'WEBHOOK', eventType: 'fulfilment.picked' }, picked(), pickedBy('0b5e2a7c-8d1f-4f3a-9c62-1e7d9a4b3f10')),
  OrderPicked: async () => outboxChange({ kind: 'PUBLISH', detailType: 'OrderPicked' }, picked(), pickedBy('7c1d3e9a-2b4f-4e8d-a1c0-5f6b7e8d9c21')),
};
