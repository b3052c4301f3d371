import * as z from 'zod';
import { orderEvent, orderOf, testEngine } from './fixtures/engine';
import { fail, log, orderWorkflow, rule, ruleset, sendEvent, setState, statuses } from './fixtures/workflows';

const bookedOrder = async (workflow: ReturnType<typeof orderWorkflow>, options: Parameters<typeof testEngine>[1] = {}) => {
  const harness = testEngine([workflow], options);
  await harness.engine.process(orderEvent('CREATE'));
  return harness;
};

describe('Engine.process when a rule fails', () => {
  const failingShip = orderWorkflow({
    statuses: statuses('CREATED', 'BOOKED', 'SHIPPED', 'ON_HOLD'),
    rulesets: [
      ruleset('CREATE', [setState('BOOKED')]),
      ruleset('SHIP', [
        setState('SHIPPED'),
        rule('SetAttributes', { attributes: { shippedBy: 'me' } }),
        rule('SendWebhook', { url: 'https://example.com/shipped' }),
        sendEvent('LATER', { delaySeconds: 60 }),
        fail('carrier rejected the parcel'),
        log('never written'),
      ]),
    ],
  });

  it('keeps no entity change, outbox, schedule or rule audit from the execution', async () => {
    // Prepare
    const { engine, store } = await bookedOrder(failingShip);
    const before = orderOf(store);
    const event = orderEvent('SHIP');

    // Act
    const result = await engine.process(event);

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'RULE_FAILED', message: 'carrier rejected the parcel' } });
    expect(orderOf(store)).toBe(before);
    expect(store.outbox).toEqual([]);
    expect(store.scheduled).toEqual([]);
    expect(store.auditOf(event.id).map((record) => record.kind)).toEqual(['EVENT_RECEIVED', 'EXCEPTION', 'OUTCOME']);
  });

  it('records the failure on the event, names the failing rule in the audit and leaves the event retryable', async () => {
    // Prepare
    const { engine, store } = await bookedOrder(failingShip);
    const event = orderEvent('SHIP');

    // Act
    const result = await engine.process(event);

    // Assess
    expect(result.unitOfWork?.markProcessed).toBe(false);
    expect(await store.getEvent('R1', event.id)).toMatchObject({
      outcome: 'FAILED',
      error: { code: 'RULE_FAILED', message: 'carrier rejected the parcel' },
    });
    expect(store.auditOf(event.id)[1]).toMatchObject({
      kind: 'EXCEPTION',
      name: 'ordo.core.Fail',
      message: 'carrier rejected the parcel',
      props: { code: 'RULE_FAILED', ruleset: 'SHIP' },
    });
  });

  it('runs a retry of a failed event under the same id, counting the attempts', async () => {
    // Prepare
    let failures = 1;
    const { engine, store, registry } = testEngine([]);
    registry.register({
      name: 'acme.test.FlakyCarrier',
      props: z.strictObject({}),
      run: () => {
        if (failures-- > 0) throw new Error('carrier timed out');
        return [{ type: 'SET_STATE', status: 'BOOKED' }];
      },
    });
    store.putWorkflow(orderWorkflow({ rulesets: [ruleset('CREATE', [{ name: 'acme.test.FlakyCarrier' }])] }));
    const event = orderEvent('CREATE');
    const first = await engine.process(event);

    // Act
    const retry = await engine.process({ ...event, source: 'RETRY' });

    // Assess
    expect(first).toMatchObject({ outcome: 'FAILED', error: { code: 'RULE_EXCEPTION', message: 'carrier timed out' } });
    expect(retry.outcome).toBe('SUCCESS');
    expect(await store.getEvent('R1', event.id)).toMatchObject({ outcome: 'SUCCESS', attempts: 2 });
    expect(orderOf(store)?.status).toBe('BOOKED');
  });

  it('runs the EXCEPTION ruleset of the same name and commits its effects with the FAILED record', async () => {
    // Prepare
    const workflow = {
      ...failingShip,
      rulesets: [
        ...failingShip.rulesets,
        ruleset('SHIP', [setState('ON_HOLD'), rule('PublishEvent', { detailType: 'ShipmentFailed' })], { eventType: 'EXCEPTION' as const }),
      ],
    };
    const { engine, store } = await bookedOrder(workflow);
    const event = orderEvent('SHIP');

    // Act
    const result = await engine.process(event);

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'RULE_FAILED' } });
    expect(orderOf(store)).toMatchObject({ status: 'ON_HOLD', version: 2, attributes: {} });
    expect(store.outbox.map((record) => record.kind)).toEqual(['PUBLISH']);
    expect(store.auditOf(event.id).map((record) => record.kind)).toEqual([
      'EVENT_RECEIVED',
      'EXCEPTION',
      'RULESET',
      'RULE',
      'STATE_CHANGE',
      'RULE',
      'OUTCOME',
    ]);
    expect((await store.getEvent('R1', event.id))?.outcome).toBe('FAILED');
  });

  it('keeps only the failure when the EXCEPTION ruleset fails too', async () => {
    // Prepare
    const workflow = {
      ...failingShip,
      rulesets: [...failingShip.rulesets, ruleset('SHIP', [setState('ON_HOLD'), fail('no hold shelf')], { eventType: 'EXCEPTION' as const })],
    };
    const { engine, store } = await bookedOrder(workflow);
    const event = orderEvent('SHIP');

    // Act
    const result = await engine.process(event);

    // Assess
    expect(result.error?.message).toBe('carrier rejected the parcel');
    expect(orderOf(store)?.status).toBe('BOOKED');
    const audit = store.auditOf(event.id);
    expect(audit.map((record) => record.kind)).toEqual(['EVENT_RECEIVED', 'EXCEPTION', 'EXCEPTION', 'OUTCOME']);
    expect(audit[2]?.message).toContain('no hold shelf');
  });

  it('fails when a rule sets a status the workflow does not declare', async () => {
    // Prepare
    const workflow = orderWorkflow({ rulesets: [ruleset('CREATE', [setState('LOST')])] });
    const { engine, store } = testEngine([workflow]);

    // Act
    const result = await engine.process(orderEvent('CREATE'));

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'UNKNOWN_STATUS' } });
    expect(orderOf(store)).toBeUndefined();
  });

  it('fails when the workflow names a rule that is not registered', async () => {
    // Prepare
    const workflow = orderWorkflow({ rulesets: [ruleset('CREATE', [{ name: 'acme.missing.Rule' }])] });
    const { engine } = testEngine([workflow]);

    // Act
    const result = await engine.process(orderEvent('CREATE'));

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'UNKNOWN_RULE' } });
  });

  it('fails when a rule has props its schema rejects, naming the prop', async () => {
    // Prepare
    const workflow = orderWorkflow({ rulesets: [ruleset('CREATE', [rule('SetState', { state: 'BOOKED' })])] });
    const { engine } = testEngine([workflow]);

    // Act
    const result = await engine.process(orderEvent('CREATE'));

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'INVALID_RULE_PROPS' } });
    expect(result.error?.message).toContain('props.status');
  });
});

describe('Engine.process loop guard', () => {
  const pingPong = (loopGuard?: number) =>
    orderWorkflow({
      statuses: statuses('CREATED', 'BOOKED', 'PINGED'),
      rulesets: [
        ruleset('CREATE', [setState('BOOKED')]),
        ruleset('PING', [setState('PINGED'), rule('SetAttributes', { attributes: { pinged: true } }), sendEvent('PONG')]),
        ruleset('PONG', [setState('BOOKED'), rule('PublishEvent', { detailType: 'Pong' }), sendEvent('PING')]),
      ],
      ...(loopGuard ? { settings: { loopGuard } } : {}),
    });

  it('fails a cyclic workflow and commits nothing but the FAILED event record and its audit', async () => {
    // Prepare
    const { engine, store } = await bookedOrder(pingPong(10));
    const before = orderOf(store);
    const event = orderEvent('PING');

    // Act
    const result = await engine.process(event);

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'LOOP_GUARD' } });
    expect(result.unitOfWork).toMatchObject({ entities: [], outbox: [], scheduled: [], markProcessed: false });
    expect(orderOf(store)).toBe(before);
    expect(store.outbox).toEqual([]);
    const audit = store.auditOf(event.id);
    expect(audit.map((record) => record.kind)).toEqual(['EVENT_RECEIVED', 'LOOP_GUARD', 'OUTCOME']);
    expect(audit[1]).toMatchObject({ props: { limit: 10, rulesetsRun: 10 } });
    expect(audit[1]?.message).toContain('more than 10 rulesets');
    expect((await store.getEvent('R1', event.id))?.outcome).toBe('FAILED');
  });

  it('allows exactly as many rulesets as the guard', async () => {
    // Prepare
    const workflow = orderWorkflow({
      statuses: statuses('CREATED', 'BOOKED'),
      rulesets: [ruleset('CREATE', [setState('BOOKED'), sendEvent('STEP1')]), ruleset('STEP1', [sendEvent('STEP2')]), ruleset('STEP2', [])],
      settings: { loopGuard: 3 },
    });
    const { engine } = testEngine([workflow]);

    // Act
    const result = await engine.process(orderEvent('CREATE'));

    // Assess
    expect(result.outcome).toBe('SUCCESS');
  });

  it('uses the engine default when the workflow sets no guard', async () => {
    // Prepare
    const { engine, store } = await bookedOrder(pingPong(), { loopGuard: 7 });
    const event = orderEvent('PING');

    // Act
    await engine.process(event);

    // Assess
    expect(store.auditOf(event.id)[1]).toMatchObject({ kind: 'LOOP_GUARD', props: { limit: 7 } });
  });

  it('defaults to 200 rulesets', async () => {
    // Prepare
    const { engine, store } = await bookedOrder(pingPong());
    const event = orderEvent('PING');

    // Act
    await engine.process(event);

    // Assess
    expect(store.auditOf(event.id)[1]).toMatchObject({ kind: 'LOOP_GUARD', props: { limit: 200, rulesetsRun: 200 } });
  });

  it('holds a stored workflow that sets a higher guard to 1,000 rulesets', async () => {
    // Prepare
    const { engine, store } = await bookedOrder(pingPong(10_000));
    const event = orderEvent('PING');

    // Act
    await engine.process(event);

    // Assess
    expect(store.auditOf(event.id)[1]).toMatchObject({ kind: 'LOOP_GUARD', props: { limit: 1000, rulesetsRun: 1000 } });
  });
});
