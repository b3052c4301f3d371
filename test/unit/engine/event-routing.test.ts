import type { Entity } from '../../../shared/engine/engine-model';
import { entityOfCreateEvent } from '../../../shared/engine/entity-factory';
import { EventRouting } from '../../../shared/engine/event-routing';
import { WorkingCopy } from '../../../shared/engine/working-copy';
import { counterIds } from './fixtures/engine';
import { orderWorkflow } from './fixtures/workflows';

const AT = '2025-01-01T10:00:00.000Z';

const order: Entity = entityOfCreateEvent(
  { id: 'evt-0', name: 'CREATE', retailerId: 'R1', entityType: 'ORDER', entityRef: 'O-1', entitySubtype: 'HD' },
  orderWorkflow(),
  { id: 'order-id', rootEntityType: 'ORDER', rootRef: 'O-1', at: AT },
);

/** Routing for an execution of order O-1 that received event evt-1 with the given hops. */
const routingOf = (hops: number) =>
  new EventRouting({
    eventId: 'evt-1',
    hops,
    rootEntityType: 'ORDER',
    rootRef: 'O-1',
    ids: counterIds('routed'),
    at: AT,
    working: new WorkingCopy([order]),
  });

describe('EventRouting.send', () => {
  it('runs an event for its own entity inline, with no hop added', () => {
    // Prepare
    const routing = routingOf(3);

    // Act
    const routed = routing.send(order, { name: 'PING' }, undefined);

    // Assess
    expect(routed).toEqual({
      inline: {
        id: 'routed-1',
        name: 'PING',
        retailerId: 'R1',
        entityType: 'ORDER',
        entityRef: 'O-1',
        entitySubtype: 'HD',
        rootEntityType: 'ORDER',
        rootEntityRef: 'O-1',
        source: 'INLINE',
      },
    });
  });

  it('puts an event for another root in the outbox with one hop more than the received event', () => {
    // Prepare
    const routing = routingOf(3);

    // Act
    const routed = routing.send(order, { name: 'PING', attributes: { why: 'relay' } }, { entityType: 'ORDER', entityRef: 'O-2' });

    // Assess
    expect(routed).toEqual({
      outbox: {
        id: 'routed-1',
        kind: 'EVENT',
        eventId: 'evt-1',
        createdOn: AT,
        payload: expect.objectContaining({ id: 'routed-1', name: 'PING', entityRef: 'O-2', rootEntityRef: 'O-2', source: 'QUEUE', hops: 4 }),
      },
    });
  });

  it("sends every event as the sender's retailer, whatever the request names", () => {
    // Prepare
    const routing = routingOf(0);

    // Act
    const routed = routing.send(order, { name: 'PING', retailerId: 'R2', entityType: 'ORDER', entityRef: 'O-2' }, undefined);

    // Assess
    expect('outbox' in routed && routed.outbox.payload.retailerId).toBe('R1');
  });
});

describe('EventRouting.schedule', () => {
  it('keeps the hops of an event a root schedules for itself, since it runs once per due time', () => {
    // Prepare
    const routing = routingOf(2);

    // Act
    const record = routing.schedule(order, { name: 'REMIND' }, '2025-01-02T10:00:00Z', undefined);

    // Assess
    expect(record).toEqual({
      id: 'routed-1',
      dueAt: '2025-01-02T10:00:00.000Z',
      event: expect.objectContaining({ id: 'routed-1', entityRef: 'O-1', source: 'SCHEDULE', scheduledOn: '2025-01-02T10:00:00.000Z', hops: 2 }),
    });
  });

  it('gives an event scheduled for another root one hop more', () => {
    // Prepare
    const routing = routingOf(2);

    // Act
    const record = routing.schedule(order, { name: 'REMIND' }, '2025-01-02T10:00:00Z', { entityType: 'ORDER', entityRef: 'O-2' });

    // Assess
    expect(record.event.hops).toBe(3);
  });

  it('refuses a due time that is not a date with INVALID_DUE_AT', () => {
    // Prepare
    const routing = routingOf(0);

    // Act
    const scheduling = () => routing.schedule(order, { name: 'REMIND' }, 'tomorrow-ish', undefined);

    // Assess
    expect(scheduling).toThrow(expect.objectContaining({ code: 'INVALID_DUE_AT' }));
  });
});
