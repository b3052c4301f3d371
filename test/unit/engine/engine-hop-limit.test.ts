import type { OrdoEvent } from '../../../shared/engine/engine-model';
import { orderEvent, orderOf, testEngine } from './fixtures/engine';
import { orderWorkflow, ruleset, sendEvent, setState, statuses } from './fixtures/workflows';

const OTHER_ORDER = { entityType: 'ORDER', entityRef: 'O-2' };

/** PING on an order sends PING to order O-2 (another root); LATER schedules one for itself, LATER_ELSEWHERE for O-2. */
const relaying = orderWorkflow({
  statuses: statuses('CREATED', 'BOOKED'),
  rulesets: [
    ruleset('CREATE', [setState('BOOKED')]),
    ruleset('PING', [sendEvent('PING', { target: OTHER_ORDER })]),
    ruleset('LATER', [sendEvent('PING', { delaySeconds: 60 })]),
    ruleset('LATER_ELSEWHERE', [sendEvent('PING', { delaySeconds: 60, target: OTHER_ORDER })]),
    ruleset('BOUNCE', [sendEvent('PING')]),
  ],
});

const relayedEvents = (result: { unitOfWork?: { outbox: { kind: string; payload: Record<string, unknown> }[] } }): OrdoEvent[] =>
  (result.unitOfWork?.outbox ?? []).filter((record) => record.kind === 'EVENT').map((record) => record.payload as unknown as OrdoEvent);

const bookedOrder = async (options: Parameters<typeof testEngine>[1] = {}) => {
  const harness = testEngine([relaying], options);
  await harness.engine.process(orderEvent('CREATE'));
  return harness;
};

describe('Engine.process hop count', () => {
  it('gives an event it sends to another root one hop more than the event that sent it', async () => {
    // Prepare
    const { engine } = await bookedOrder();

    // Act
    const result = await engine.process(orderEvent('PING', { source: 'QUEUE', hops: 4 }));

    // Assess
    expect(relayedEvents(result)).toEqual([expect.objectContaining({ name: 'PING', entityRef: 'O-2', hops: 5 })]);
  });

  it('counts an event from the API as hop 0, so what it relays carries 1', async () => {
    // Prepare
    const { engine } = await bookedOrder();

    // Act
    const result = await engine.process(orderEvent('PING'));

    // Assess
    expect(relayedEvents(result).map((event) => event.hops)).toEqual([1]);
  });

  it('gives an event scheduled for another root one hop more than the event that scheduled it', async () => {
    // Prepare
    const { engine, store } = await bookedOrder();

    // Act
    await engine.process(orderEvent('LATER_ELSEWHERE', { source: 'QUEUE', hops: 2 }));

    // Assess
    expect(store.scheduled.map((record) => record.event.hops)).toEqual([3]);
  });

  it('keeps the hop count of an event a root schedules for itself, so a recurring step never hits the limit', async () => {
    // Prepare
    const { engine, store } = await bookedOrder();

    // Act
    await engine.process(orderEvent('LATER', { source: 'QUEUE', hops: 2 }));

    // Assess
    expect(store.scheduled.map((record) => record.event.hops)).toEqual([2]);
  });

  it('does not count events run inline on the same root as hops', async () => {
    // Prepare
    const { engine } = await bookedOrder();

    // Act
    const result = await engine.process(orderEvent('BOUNCE', { source: 'QUEUE', hops: 1 }));

    // Assess
    expect(relayedEvents(result).map((event) => event.hops)).toEqual([2]);
  });

  it('keeps the hop count of an event parked until its scheduledOn', async () => {
    // Prepare
    const { engine, store } = await bookedOrder();

    // Act
    await engine.process(orderEvent('PING', { source: 'QUEUE', hops: 6, scheduledOn: '2025-01-02T00:00:00Z' }));

    // Assess
    expect(store.scheduled.map((record) => record.event.hops)).toEqual([6]);
  });

  it('shows the hop count of a relayed event on its EVENT_RECEIVED audit record', async () => {
    // Prepare
    const { engine, store } = await bookedOrder();
    const event = orderEvent('PING', { source: 'QUEUE', hops: 3 });

    // Act
    await engine.process(event);

    // Assess
    expect(store.auditOf(event.id)[0]).toMatchObject({ kind: 'EVENT_RECEIVED', props: { source: 'QUEUE', hops: 3 } });
  });
});

describe('Engine.process hop limit', () => {
  it('runs an event that came through exactly as many relays as the limit', async () => {
    // Prepare
    const { engine } = await bookedOrder();

    // Act
    const result = await engine.process(orderEvent('PING', { source: 'QUEUE', hops: 20 }));

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(relayedEvents(result).map((event) => event.hops)).toEqual([21]);
  });

  it('fails an event past the default limit of 20 with HOP_LIMIT, runs no rule and relays nothing', async () => {
    // Prepare
    const { engine, store } = await bookedOrder();
    const before = orderOf(store);
    const event = orderEvent('PING', { source: 'QUEUE', hops: 21 });

    // Act
    const result = await engine.process(event);

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'HOP_LIMIT' } });
    expect(result.unitOfWork).toMatchObject({ entities: [], outbox: [], scheduled: [], inventory: [], markProcessed: false });
    expect(orderOf(store)).toBe(before);
    expect(store.outbox).toEqual([]);
    expect((await store.getEvent(event.retailerId, event.id))?.error?.code).toBe('HOP_LIMIT');
  });

  it('audits a HOP_LIMIT failure with the limit and the hops, between the received event and the outcome', async () => {
    // Prepare
    const { engine, store } = await bookedOrder();
    const event = orderEvent('PING', { source: 'QUEUE', hops: 21 });

    // Act
    await engine.process(event);

    // Assess
    const audit = store.auditOf(event.id);
    expect(audit.map((record) => record.kind)).toEqual(['EVENT_RECEIVED', 'HOP_LIMIT', 'OUTCOME']);
    expect(audit[1]).toMatchObject({ entityType: 'ORDER', entityRef: 'O-1', name: 'PING', props: { limit: 20, hops: 21 } });
    expect(audit[1]?.message).toContain('more than the 20 allowed');
    expect(audit[2]).toMatchObject({ outcome: 'FAILED' });
  });

  it("uses the engine's hop limit when one is set", async () => {
    // Prepare
    const { engine } = await bookedOrder({ hopLimit: 3 });

    // Act
    const result = await engine.process(orderEvent('PING', { source: 'QUEUE', hops: 4 }));

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'HOP_LIMIT' } });
  });

  it('fails a relayed event past the limit even when it is due later, instead of parking it', async () => {
    // Prepare
    const { engine, store } = await bookedOrder({ hopLimit: 3 });

    // Act
    const result = await engine.process(orderEvent('PING', { source: 'SCHEDULE', hops: 4, scheduledOn: '2025-01-02T00:00:00Z' }));

    // Assess
    expect(result.outcome).toBe('FAILED');
    expect(store.scheduled).toEqual([]);
  });
});
