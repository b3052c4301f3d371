import type { AccountChange } from '../../../../shared/domain/outbound/account-change';
import { outboundEventsOf } from '../../../../shared/domain/outbound/change-events';
import { webhookDataOf } from '../../../../shared/domain/outbound/webhook-data';
import { busDetailOf } from '../../../../shared/domain/outbound/bus-detail';
import {
  aBatch,
  aChunkResult,
  aFulfilment,
  anEventRecord,
  batchChange,
  chunkChange,
  entityChange,
  eventChange,
  outboundContext,
  outboxChange,
  sealedOrder,
} from '../../../support/account-changes';
import { anOrderEntity, londonAddress, orderCustomer } from '../../../support/order-builder';
import { aReturnEntity } from '../../../support/returns';

const SEALED_OR_CLEAR = /A256GCM|Lovelace|ada\.lovelace|Analytical|N1 9GU|51\.5074/;

describe('outboundEventsOf, for orders', () => {
  it('announces a new order as order.created, with the order and its status', async () => {
    // Prepare
    const context = outboundContext();
    const order = await sealedOrder(context.keys, { status: 'BOOKED' });

    // Act
    const events = await outboundEventsOf(entityChange(order), context);

    // Assess
    expect(events).toEqual([
      expect.objectContaining({
        type: 'order.created',
        accountId: 'acme',
        retailerId: 'shop',
        occurredOn: order.updatedOn,
        entity: { entityType: 'ORDER', ref: 'O-1', rootEntityType: 'ORDER', rootRef: 'O-1' },
        status: { to: 'BOOKED' },
        data: { order: expect.objectContaining({ ref: 'O-1', status: 'BOOKED', type: 'HD', lines: order.attributes.lines }) },
        toBus: true,
        toWebhooks: true,
      }),
    ]);
  });

  it('masks the customer and the address in data, and leaves every sealed value out', async () => {
    // Prepare
    const context = outboundContext();
    const order = await sealedOrder(context.keys);

    // Act
    const [event] = await outboundEventsOf(entityChange(order), context);

    // Assess
    expect(event.data.order).toMatchObject({
      customer: { name: 'A*** L***', email: 'a***@example.com' },
      deliveryAddress: { line1: '1*** A*** R***', city: 'London', postcode: 'N*** 9***', country: 'GB', lat: 51.51, lon: -0.13 },
    });
    expect(JSON.stringify(event.data)).not.toMatch(SEALED_OR_CLEAR);
  });

  it('carries the customer and the address in clear in dataWithCustomer, for subscriptions that include them', async () => {
    // Prepare
    const context = outboundContext();
    const order = await sealedOrder(context.keys);

    // Act
    const [event] = await outboundEventsOf(entityChange(order), context);

    // Assess
    expect(event.dataWithCustomer?.order).toMatchObject({ customer: orderCustomer, deliveryAddress: londonAddress });
  });

  it('has no dataWithCustomer for an order without customer data', async () => {
    // Prepare
    const order = anOrderEntity('O-2', { attributes: { type: 'CC', lines: [] } });

    // Act
    const [event] = await outboundEventsOf(entityChange(order), outboundContext());

    // Assess
    expect(event.dataWithCustomer).toBeUndefined();
  });

  it('announces a change of an order status as order.status_changed, from and to', async () => {
    // Prepare
    const context = outboundContext();
    const before = await sealedOrder(context.keys, { status: 'BOOKED', version: 2 });
    const after = { ...before, status: 'ALLOCATED', version: 3, updatedOn: '2025-03-14T09:30:00.000Z' };

    // Act
    const events = await outboundEventsOf(entityChange(after, before), context);

    // Assess
    expect(events).toEqual([
      expect.objectContaining({
        type: 'order.status_changed',
        occurredOn: '2025-03-14T09:30:00.000Z',
        status: { from: 'BOOKED', to: 'ALLOCATED' },
        data: { order: expect.objectContaining({ status: 'ALLOCATED' }) },
      }),
    ]);
  });

  it('announces a new order moved on in the run that created it as order.created, then order.status_changed for each move', async () => {
    // Prepare
    const context = outboundContext();
    const order = await sealedOrder(context.keys, { status: 'ALLOCATED', lastEventId: 'create-O-1' });
    const moves = [
      { from: 'CREATED', to: 'BOOKED' },
      { from: 'BOOKED', to: 'ALLOCATED' },
    ];

    // Act
    const events = await outboundEventsOf({ ...entityChange(order), statusChanges: moves } as AccountChange, context);

    // Assess
    expect(events.map(({ type, status, eventId }) => ({ type, status, eventId }))).toEqual([
      { type: 'order.created', status: { to: 'ALLOCATED' }, eventId: 'create-O-1' },
      { type: 'order.status_changed', status: { from: 'CREATED', to: 'BOOKED' }, eventId: 'create-O-1' },
      { type: 'order.status_changed', status: { from: 'BOOKED', to: 'ALLOCATED' }, eventId: 'create-O-1' },
    ]);
    expect(new Set(events.map((event) => event.id)).size).toBe(3);
  });

  it('announces a fulfilment created and moved in one run as its creation, then each move', async () => {
    // Prepare
    const context = outboundContext();
    const fulfilment = aFulfilment({ status: 'PICKED' });

    // Act
    const events = await outboundEventsOf({ ...entityChange(fulfilment), statusChanges: [{ from: 'CREATED', to: 'PICKED' }] } as AccountChange, context);

    // Assess
    expect(events.map(({ type, status }) => ({ type, status }))).toEqual([
      { type: 'fulfilment.status_changed', status: { to: 'CREATED' } },
      { type: 'fulfilment.status_changed', status: { from: 'CREATED', to: 'PICKED' } },
    ]);
    expect(events[0].id).not.toBe(events[1].id);
  });

  it('announces nothing when an order changed but kept its status', async () => {
    // Prepare
    const before = anOrderEntity('O-1', { status: 'BOOKED' });
    const after = { ...before, version: 2, attributes: { note: 'gift' } };

    // Act
    const events = await outboundEventsOf(entityChange(after, before), outboundContext());

    // Assess
    expect(events).toEqual([]);
  });
});

describe('outboundEventsOf, for fulfilments', () => {
  it('announces a new fulfilment as fulfilment.status_changed with no from', async () => {
    // Prepare
    const fulfilment = aFulfilment();

    // Act
    const events = await outboundEventsOf(entityChange(fulfilment), outboundContext());

    // Assess
    expect(events).toEqual([
      expect.objectContaining({
        type: 'fulfilment.status_changed',
        entity: { entityType: 'FULFILMENT', ref: 'O-1-F1', rootEntityType: 'ORDER', rootRef: 'O-1' },
        status: { to: 'CREATED' },
      }),
    ]);
  });

  it('announces a fulfilment status change with the fulfilment summary', async () => {
    // Prepare
    const before = aFulfilment({ status: 'CREATED' });
    const after = aFulfilment({ status: 'PICKED', version: 2, updatedOn: '2025-03-14T11:00:00.000Z' });

    // Act
    const [event] = await outboundEventsOf(entityChange(after, before), outboundContext());

    // Assess
    expect(event).toMatchObject({
      status: { from: 'CREATED', to: 'PICKED' },
      data: {
        fulfilment: {
          ref: 'O-1-F1',
          orderRef: 'O-1',
          status: 'PICKED',
          locationRef: 'WH-NORTH',
          distanceKm: 12.4,
          lines: [{ lineRef: 'L1', skuRef: 'TEE', qty: 1 }],
          updatedOn: '2025-03-14T11:00:00.000Z',
        },
      },
    });
  });

  it('announces nothing when a fulfilment changed but kept its status', async () => {
    // Prepare
    const before = aFulfilment({ status: 'PICKED' });

    // Act
    const events = await outboundEventsOf(entityChange({ ...before, version: 2 }, before), outboundContext());

    // Assess
    expect(events).toEqual([]);
  });

  it('announces nothing for entities other than orders and fulfilments', async () => {
    // Prepare
    const location = anOrderEntity('WH-NORTH', { entityType: 'LOCATION', rootEntityType: 'LOCATION', rootRef: 'WH-NORTH', status: 'OPEN' });

    // Act
    const events = await outboundEventsOf(entityChange({ ...location, status: 'CLOSED', version: 2 }, location), outboundContext());

    // Assess
    expect(events).toEqual([]);
  });
});

describe('outboundEventsOf, for returns', () => {
  const received = (status: string) =>
    aReturnEntity({
      status,
      version: 3,
      lastEventId: 'receive-R-1',
      attributes: { lines: [{ lineRef: 'L1', skuRef: 'TEE', qty: 1, reason: 'too small', unitPrice: 12.5, currency: 'GBP', condition: 'RESALEABLE' }], refundableAmount: 12.5 },
    });

  it('announces a return received and completed in one run as return.received, with its conditions and refundable amount', async () => {
    // Prepare
    const moves = [
      { from: 'AUTHORISED', to: 'RECEIVED' },
      { from: 'RECEIVED', to: 'COMPLETE' },
    ];

    // Act
    const events = await outboundEventsOf({ ...entityChange(received('COMPLETE'), aReturnEntity({ status: 'AUTHORISED', version: 2 })), statusChanges: moves } as AccountChange, outboundContext());

    // Assess
    expect(events).toEqual([
      expect.objectContaining({
        type: 'return.received',
        eventId: 'receive-R-1',
        entity: { entityType: 'RETURN_ORDER', ref: 'R-1', rootEntityType: 'RETURN_ORDER', rootRef: 'R-1' },
        status: { from: 'AUTHORISED', to: 'RECEIVED' },
        data: { return: expect.objectContaining({ ref: 'R-1', orderRef: 'O-1', refundableAmount: 12.5, currency: 'GBP', lines: [expect.objectContaining({ condition: 'RESALEABLE' })] }) },
        toBus: true,
        toWebhooks: true,
      }),
    ]);
  });

  it('announces nothing for a return that moved to another status', async () => {
    // Act
    const events = await outboundEventsOf(entityChange(aReturnEntity({ status: 'AUTHORISED', version: 2 }), aReturnEntity()), outboundContext());

    // Assess
    expect(events).toEqual([]);
  });
});

describe('outboundEventsOf, ids', () => {
  it('gives the same id each time the same write is relayed, whatever the stream calls it', async () => {
    // Prepare
    const before = aFulfilment();
    const after = aFulfilment({ status: 'PICKED', version: 2 });

    // Act
    const [first] = await outboundEventsOf(entityChange(after, before), outboundContext());
    const [again] = await outboundEventsOf(entityChange(after, before), outboundContext());

    // Assess
    expect(again.id).toBe(first.id);
  });

  it('gives the next write of the same entity another id', async () => {
    // Prepare
    const created = aFulfilment();
    const picked = aFulfilment({ status: 'PICKED', version: 2 });
    const packed = aFulfilment({ status: 'PACKED', version: 3 });

    // Act
    const [first] = await outboundEventsOf(entityChange(picked, created), outboundContext());
    const [second] = await outboundEventsOf(entityChange(packed, picked), outboundContext());

    // Assess
    expect(second.id).not.toBe(first.id);
  });

  it('gives the same write of another account another id', async () => {
    // Prepare
    const fulfilment = aFulfilment();

    // Act
    const [ours] = await outboundEventsOf(entityChange(fulfilment), outboundContext());
    const [theirs] = await outboundEventsOf(entityChange(fulfilment), { ...outboundContext(), accountId: 'globex' });

    // Assess
    expect(theirs.id).not.toBe(ours.id);
  });
});

describe('outboundEventsOf, for events', () => {
  it('announces an event whose outcome became FAILED as event.failed, with its error and without its attributes', async () => {
    // Prepare
    const pending = anEventRecord();
    const failed = anEventRecord({
      outcome: 'FAILED',
      attempts: 1,
      processedOn: '2025-03-14T09:27:00.000Z',
      error: { code: 'RULE_FAILED', message: 'No carrier for postcode area' },
      event: { ...pending.event, attributes: { customer: { name: 'Ada Lovelace' } } },
    });

    // Act
    const events = await outboundEventsOf(eventChange(failed, pending), outboundContext());

    // Assess
    expect(events).toEqual([
      expect.objectContaining({
        type: 'event.failed',
        eventId: 'e-1',
        occurredOn: '2025-03-14T09:27:00.000Z',
        entity: { entityType: 'ORDER', ref: 'O-1', rootEntityType: 'ORDER', rootRef: 'O-1' },
        data: {
          event: expect.objectContaining({ id: 'e-1', name: 'SHIP', attempts: 1 }),
          error: { code: 'RULE_FAILED', message: 'No carrier for postcode area' },
        },
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain('Lovelace');
  });

  it('announces nothing when a retry of a FAILED event fails again', async () => {
    // Prepare
    const error = { code: 'RULE_FAILED', message: 'No carrier' };
    const before = anEventRecord({ outcome: 'FAILED', attempts: 1, error });

    // Act
    const events = await outboundEventsOf(eventChange({ ...before, attempts: 2 }, before), outboundContext());

    // Assess
    expect(events).toEqual([]);
  });

  it('announces nothing for an event that succeeded', async () => {
    // Act
    const events = await outboundEventsOf(eventChange(anEventRecord({ outcome: 'SUCCESS', attempts: 1 }), anEventRecord()), outboundContext());

    // Assess
    expect(events).toEqual([]);
  });
});

describe('outboundEventsOf, for batches', () => {
  const jobOf = (context: ReturnType<typeof outboundContext>) =>
    context.jobs.createJob({ jobId: 'job-1', name: 'nightly count', retailerId: 'shop', createdOn: '2025-03-14T08:00:00.000Z', closesOn: '2025-03-15T08:00:00.000Z' });

  it('announces the batch a chunk result completed as batch.completed, with its counts and its job’s retailer', async () => {
    // Prepare
    const context = outboundContext();
    await jobOf(context);
    const batch = aBatch();
    await context.jobs.createBatch(batch);
    await context.jobs.putChunkResult('job-1', 'batch-1', aChunkResult(1));
    const last = aChunkResult(2, { applied: 1, failed: 1, errors: [{ index: 2, skuRef: 'TEE', locationRef: 'NOWHERE', code: 'UNKNOWN_LOCATION', message: 'unknown' }] });
    await context.jobs.putChunkResult('job-1', 'batch-1', last);

    // Act
    const events = await outboundEventsOf(chunkChange(batch, last), context);

    // Assess
    expect(events).toEqual([
      expect.objectContaining({
        type: 'batch.completed',
        retailerId: 'shop',
        occurredOn: last.completedOn,
        status: { to: 'PARTIAL' },
        data: {
          batch: {
            batchId: 'batch-1',
            jobId: 'job-1',
            entityType: 'INVENTORY',
            action: 'UPSERT',
            status: 'PARTIAL',
            total: 3,
            applied: 2,
            unchanged: 0,
            failed: 1,
            createdOn: batch.createdOn,
            completedOn: last.completedOn,
          },
        },
      }),
    ]);
  });

  it('announces nothing for a chunk result that leaves the batch running', async () => {
    // Prepare
    const context = outboundContext();
    await jobOf(context);
    const batch = aBatch();
    await context.jobs.createBatch(batch);
    await context.jobs.putChunkResult('job-1', 'batch-1', aChunkResult(1));

    // Act
    const events = await outboundEventsOf(chunkChange(batch, aChunkResult(1)), context);

    // Assess
    expect(events).toEqual([]);
  });

  it('announces nothing for an earlier chunk result of a batch a later one completed', async () => {
    // Prepare
    const context = outboundContext();
    await jobOf(context);
    const batch = aBatch();
    await context.jobs.createBatch(batch);
    await context.jobs.putChunkResult('job-1', 'batch-1', aChunkResult(1));
    await context.jobs.putChunkResult('job-1', 'batch-1', aChunkResult(2));

    // Act
    const events = await outboundEventsOf(chunkChange(batch, aChunkResult(1)), context);

    // Assess
    expect(events).toEqual([]);
  });

  it('announces a batch whose every record was refused when the batch is written, since no chunk will follow', async () => {
    // Prepare
    const context = outboundContext();
    await jobOf(context);
    const rejected = [{ index: 0, skuRef: 'TEE', locationRef: 'NOWHERE', code: 'UNKNOWN_LOCATION' as const, message: 'unknown' }];
    const batch = aBatch({ total: 1, chunkCount: 0, rejected });
    await context.jobs.createBatch(batch);

    // Act
    const events = await outboundEventsOf(batchChange(batch), context);

    // Assess
    expect(events).toEqual([expect.objectContaining({ type: 'batch.completed', status: { to: 'FAILED' }, occurredOn: batch.createdOn })]);
  });

  it('announces nothing when a batch with chunks to apply is written', async () => {
    // Prepare
    const context = outboundContext();
    await jobOf(context);
    await context.jobs.createBatch(aBatch());

    // Act
    const events = await outboundEventsOf(batchChange(aBatch()), context);

    // Assess
    expect(events).toEqual([]);
  });
});

describe('outboundEventsOf, for the outbox', () => {
  it('turns a PublishEvent record into one event for the bus only, typed by its detailType, with the record id', async () => {
    // Prepare
    const change = outboxChange({ kind: 'PUBLISH', detailType: 'OrderPicked' }, aFulfilment({ status: 'PICKED' }));

    // Act
    const events = await outboundEventsOf(change, outboundContext());

    // Assess
    expect(events).toEqual([
      {
        id: 'ob-1',
        type: 'OrderPicked',
        occurredOn: '2025-03-14T09:26:53.000Z',
        accountId: 'acme',
        retailerId: 'shop',
        eventId: 'e-7',
        entity: { entityType: 'FULFILMENT', ref: 'O-1-F1', rootEntityType: 'ORDER', rootRef: 'O-1' },
        data: { entityStatus: 'PICKED', event: { id: 'e-7', name: 'PICKED' } },
        toBus: true,
        toWebhooks: false,
      },
    ]);
  });

  it('turns a SendWebhook record into one message for webhooks only, typed by its eventType', async () => {
    // Prepare
    const change = outboxChange({ kind: 'WEBHOOK', eventType: 'fulfilment.picked' }, aFulfilment({ status: 'PICKED' }));

    // Act
    const events = await outboundEventsOf(change, outboundContext());

    // Assess
    expect(events).toEqual([expect.objectContaining({ id: 'ob-1', type: 'fulfilment.picked', toBus: false, toWebhooks: true })]);
    expect(events[0].webhookTarget).toBeUndefined();
  });

  it.each([
    [{ subscription: 'wh_ops' }, { subscription: 'wh_ops' }],
    [{ url: 'https://hooks.example.com/picked' }, { url: 'https://hooks.example.com/picked' }],
  ])('sends a SendWebhook record to the one target it names: %j', async (target, webhookTarget) => {
    // Prepare
    const change = outboxChange({ kind: 'WEBHOOK', eventType: 'fulfilment.picked', ...target }, aFulfilment());

    // Act
    const [event] = await outboundEventsOf(change, outboundContext());

    // Assess
    expect(event.webhookTarget).toEqual(webhookTarget);
  });

  it('types a webhook record written before webhooks had types as <entity type>.<event name>', async () => {
    // Prepare
    const change = outboxChange({ kind: 'WEBHOOK', eventType: 'fulfilment.picked' }, aFulfilment());
    if (change.kind === 'OUTBOX') delete change.record.payload.type;

    // Act
    const [event] = await outboundEventsOf(change, outboundContext());

    // Assess
    expect(event.type).toBe('fulfilment.picked');
  });

  it('makes nothing of an EVENT record, which goes to the events queue', async () => {
    // Prepare
    const change = outboxChange({ kind: 'PUBLISH', detailType: 'X' }, aFulfilment());
    if (change.kind === 'OUTBOX') change.record = { ...change.record, kind: 'EVENT', payload: { id: 'e-8', name: 'RESERVE' } };

    // Act
    const events = await outboundEventsOf(change, outboundContext());

    // Assess
    expect(events).toEqual([]);
  });

  it('puts an included order on the bus with its customer data masked and no sealed value', async () => {
    // Prepare
    const context = outboundContext();
    const change = outboxChange({ kind: 'PUBLISH', detailType: 'OrderBooked', includeEntity: true }, await sealedOrder(context.keys));

    // Act
    const [event] = await outboundEventsOf(change, context);

    // Assess
    expect(event.data.entity).toMatchObject({ ref: 'O-1', attributes: { customer: { name: 'A*** L***' }, deliveryAddress: { city: 'London' } } });
    expect(JSON.stringify(busDetailOf(event))).not.toMatch(SEALED_OR_CLEAR);
    expect(event.dataWithCustomer).toBeUndefined();
  });

  it('sends an included order by webhook masked, and in clear only to a subscription that includes customer data', async () => {
    // Prepare
    const context = outboundContext();
    const change = outboxChange({ kind: 'WEBHOOK', eventType: 'order.booked', includeEntity: true }, await sealedOrder(context.keys));

    // Act
    const [event] = await outboundEventsOf(change, context);

    // Assess
    expect(JSON.stringify(webhookDataOf(event, false))).not.toMatch(SEALED_OR_CLEAR);
    expect(webhookDataOf(event, true)).toMatchObject({ entity: { attributes: { customer: orderCustomer, deliveryAddress: londonAddress } } });
    expect(JSON.stringify(webhookDataOf(event, true))).not.toContain('A256GCM');
  });
});
