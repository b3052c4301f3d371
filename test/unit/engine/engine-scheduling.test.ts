import type { OrdoEvent } from '../../../shared/engine/engine-model';
import { orderEvent, orderOf, testEngine } from './fixtures/engine';
import { orderWorkflow, rule, ruleset, sendEvent, setState, statuses } from './fixtures/workflows';

const reminders = orderWorkflow({
  statuses: statuses('CREATED', 'BOOKED', 'EXPIRED'),
  rulesets: [
    ruleset('CREATE', [setState('BOOKED')]),
    ruleset('EXPIRE', [setState('EXPIRED')], { triggers: ['BOOKED'] }),
    ruleset('REMIND_LATER', [sendEvent('EXPIRE', { delaySeconds: 90, attributes: { why: 'unpaid' } })]),
    ruleset('EXPIRE_AT_DEADLINE', [rule('ScheduleEvent', { eventName: 'EXPIRE', atAttribute: 'payment.deadline' })]),
  ],
});

describe('Engine.process scheduled events', () => {
  it('parks an event whose scheduledOn is in the future as SCHEDULED without running rules', async () => {
    // Prepare
    const { engine, store } = testEngine([reminders]);
    await engine.process(orderEvent('CREATE'));
    const event = orderEvent('EXPIRE', { scheduledOn: '2025-01-01T12:00:00Z' });

    // Act
    const result = await engine.process(event);

    // Assess
    expect(result.outcome).toBe('SCHEDULED');
    expect(result.unitOfWork?.markProcessed).toBe(true);
    expect(orderOf(store)).toMatchObject({ status: 'BOOKED', version: 1 });
    expect(store.scheduled).toEqual([
      {
        id: expect.any(String),
        dueAt: '2025-01-01T12:00:00.000Z',
        event: { ...event, id: store.scheduled[0]?.id, source: 'SCHEDULE' },
      },
    ]);
    expect(store.auditOf(event.id).map((record) => record.kind)).toEqual(['EVENT_RECEIVED', 'OUTCOME']);
  });

  it('runs the parked event once it is delivered when due', async () => {
    // Prepare
    const { engine, store, clock } = testEngine([reminders]);
    await engine.process(orderEvent('CREATE'));
    await engine.process(orderEvent('EXPIRE', { scheduledOn: '2025-01-01T12:00:00Z' }));
    const due = store.scheduled[0]?.event as OrdoEvent;
    clock.advance(2 * 3600 * 1000);

    // Act
    const result = await engine.process(due);

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(orderOf(store)?.status).toBe('EXPIRED');
  });

  it('runs an event whose scheduledOn has passed straight away', async () => {
    // Prepare
    const { engine, store } = testEngine([reminders]);
    await engine.process(orderEvent('CREATE'));

    // Act
    const result = await engine.process(orderEvent('EXPIRE', { scheduledOn: '2025-01-01T09:00:00Z' }));

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(orderOf(store)?.status).toBe('EXPIRED');
  });

  it('schedules a SendEvent with a delay instead of running it inline', async () => {
    // Prepare
    const { engine, store } = testEngine([reminders]);
    await engine.process(orderEvent('CREATE'));

    // Act
    await engine.process(orderEvent('REMIND_LATER'));

    // Assess
    expect(orderOf(store)?.status).toBe('BOOKED');
    expect(store.scheduled).toHaveLength(1);
    const [scheduled] = store.scheduled;
    expect(scheduled?.dueAt).toBe('2025-01-01T10:01:30.000Z');
    expect(scheduled?.event).toEqual({
      id: scheduled?.id,
      name: 'EXPIRE',
      retailerId: 'R1',
      entityType: 'ORDER',
      entityRef: 'O-1',
      entitySubtype: 'HD',
      rootEntityType: 'ORDER',
      rootEntityRef: 'O-1',
      attributes: { why: 'unpaid' },
      scheduledOn: '2025-01-01T10:01:30.000Z',
      source: 'SCHEDULE',
      hops: 0,
    });
  });

  it('schedules at the time held in an entity attribute', async () => {
    // Prepare
    const { engine, store } = testEngine([reminders]);
    await engine.process(orderEvent('CREATE', { attributes: { payment: { deadline: '2025-01-03T00:00:00+01:00' } } }));

    // Act
    await engine.process(orderEvent('EXPIRE_AT_DEADLINE'));

    // Assess
    expect(store.scheduled.map((record) => record.dueAt)).toEqual(['2025-01-02T23:00:00.000Z']);
  });

  it('fails to schedule at an attribute that holds no date', async () => {
    // Prepare
    const { engine, store } = testEngine([reminders]);
    await engine.process(orderEvent('CREATE'));

    // Act
    const result = await engine.process(orderEvent('EXPIRE_AT_DEADLINE'));

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'INVALID_DUE_AT' } });
    expect(store.scheduled).toEqual([]);
  });
});
