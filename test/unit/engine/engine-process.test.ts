import * as z from 'zod';
import { orderEvent, orderOf, testEngine } from './fixtures/engine';
import { log, orderWorkflow, rule, ruleset, sendEvent, setState, statuses } from './fixtures/workflows';

describe('Engine.process', () => {
  it('creates the entity on CREATE and moves it to the status its ruleset sets', async () => {
    // Prepare
    const { engine, store } = testEngine([orderWorkflow()]);

    // Act
    const result = await engine.process(orderEvent('CREATE', { attributes: { total: 42 } }));

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(orderOf(store)).toMatchObject({
      retailerId: 'R1',
      entityType: 'ORDER',
      subtype: 'HD',
      ref: 'O-1',
      status: 'BOOKED',
      attributes: { total: 42 },
      workflowRef: 'ORDER::HD',
      workflowVersion: 1,
      version: 1,
      rootEntityType: 'ORDER',
      rootRef: 'O-1',
      createdOn: '2025-01-01T10:00:00.000Z',
    });
    expect(result.entity).toEqual(orderOf(store));
    expect(result.unitOfWork?.entities).toEqual([{ entity: orderOf(store), expectedVersion: null, statusChanges: [{ from: 'CREATED', to: 'BOOKED' }] }]);
  });

  it('audits EVENT_RECEIVED, RULESET, RULE, STATE_CHANGE and OUTCOME in that order', async () => {
    // Prepare
    const { engine, store } = testEngine([orderWorkflow()]);
    const event = orderEvent('CREATE');

    // Act
    await engine.process(event);

    // Assess
    const audit = store.auditOf(event.id);
    expect(audit.map((record) => record.kind)).toEqual(['EVENT_RECEIVED', 'RULESET', 'RULE', 'STATE_CHANGE', 'OUTCOME']);
    expect(audit.map((record) => record.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(audit[1]).toMatchObject({ name: 'CREATE', entityType: 'ORDER', entityRef: 'O-1', rootRef: 'O-1' });
    expect(audit[2]).toMatchObject({ name: 'ordo.core.SetState', props: { status: 'BOOKED' } });
    expect(audit[2]?.durationMs).toEqual(expect.any(Number));
    expect(audit[3]).toMatchObject({ from: 'CREATED', to: 'BOOKED' });
    expect(audit[4]).toMatchObject({ outcome: 'SUCCESS' });
  });

  it('records the event as processed with its outcome', async () => {
    // Prepare
    const { engine, store } = testEngine([orderWorkflow()]);
    const event = orderEvent('CREATE');

    // Act
    await engine.process(event);

    // Assess
    expect(await store.getEvent('R1', event.id)).toEqual({
      event,
      outcome: 'SUCCESS',
      receivedOn: '2025-01-01T10:00:00.000Z',
      processedOn: '2025-01-01T10:00:00.000Z',
      rootEntityType: 'ORDER',
      rootRef: 'O-1',
      attempts: 1,
    });
  });

  it('increases the entity version by one on each committed change', async () => {
    // Prepare
    const workflow = orderWorkflow({
      statuses: statuses('CREATED', 'BOOKED', 'SHIPPED'),
      rulesets: [ruleset('CREATE', [setState('BOOKED')]), ruleset('SHIP', [setState('SHIPPED')], { triggers: ['BOOKED'] })],
    });
    const { engine, store } = testEngine([workflow]);
    await engine.process(orderEvent('CREATE'));

    // Act
    const result = await engine.process(orderEvent('SHIP'));

    // Assess
    expect(result.unitOfWork?.entities[0]?.expectedVersion).toBe(1);
    expect(orderOf(store)).toMatchObject({ status: 'SHIPPED', version: 2 });
  });

  it('answers NO_MATCH for an event name no ruleset has, committing only the event record and its audit', async () => {
    // Prepare
    const { engine, store } = testEngine([orderWorkflow()]);
    await engine.process(orderEvent('CREATE'));
    const event = orderEvent('TELEPORT');

    // Act
    const result = await engine.process(event);

    // Assess
    expect(result.outcome).toBe('NO_MATCH');
    expect(result.error?.code).toBe('NO_MATCHING_RULESET');
    expect(result.unitOfWork).toMatchObject({ entities: [], outbox: [], scheduled: [], markProcessed: true });
    expect(store.auditOf(event.id).map((record) => record.kind)).toEqual(['EVENT_RECEIVED', 'NO_MATCH', 'OUTCOME']);
    expect(store.auditOf(event.id)[1]?.message).toContain("No NORMAL ruleset 'TELEPORT' for ORDER::HD in status BOOKED");
    expect((await store.getEvent('R1', event.id))?.outcome).toBe('NO_MATCH');
    expect(orderOf(store)?.version).toBe(1);
  });

  it('answers NO_MATCH when the entity is not in a status the ruleset is triggered from', async () => {
    // Prepare
    const workflow = orderWorkflow({
      statuses: statuses('CREATED', 'BOOKED', 'SHIPPED'),
      rulesets: [ruleset('CREATE', []), ruleset('SHIP', [setState('SHIPPED')], { triggers: ['BOOKED'] })],
    });
    const { engine, store } = testEngine([workflow]);
    await engine.process(orderEvent('CREATE'));

    // Act
    const result = await engine.process(orderEvent('SHIP'));

    // Assess
    expect(result.outcome).toBe('NO_MATCH');
    expect(orderOf(store)?.status).toBe('CREATED');
  });

  it('answers NO_MATCH for an event on an entity that does not exist', async () => {
    // Prepare
    const { engine, store } = testEngine([orderWorkflow()]);

    // Act
    const result = await engine.process(orderEvent('SHIP'));

    // Assess
    expect(result).toMatchObject({ outcome: 'NO_MATCH', error: { code: 'ENTITY_NOT_FOUND' } });
    expect(result.error?.message).toContain('ORDER O-1 does not exist');
    expect(orderOf(store)).toBeUndefined();
  });

  it('does not create the entity when its CREATE event matches no ruleset', async () => {
    // Prepare
    const { engine, store } = testEngine([orderWorkflow({ rulesets: [] })]);

    // Act
    const result = await engine.process(orderEvent('CREATE'));

    // Assess
    expect(result.outcome).toBe('NO_MATCH');
    expect(orderOf(store)).toBeUndefined();
  });

  it('answers NO_MATCH to a CREATE for an entity that already exists, leaving it as it was', async () => {
    // Prepare
    const { engine, store } = testEngine([orderWorkflow()]);
    await engine.process(orderEvent('CREATE'));

    // Act
    const result = await engine.process(orderEvent('CREATE', { attributes: { total: 1 } }));

    // Assess
    expect(result).toMatchObject({ outcome: 'NO_MATCH', error: { code: 'ENTITY_EXISTS' } });
    expect(orderOf(store)).toMatchObject({ version: 1, attributes: {} });
  });

  it("treats another retailer's entity of the same ref as missing, and shows none of it", async () => {
    // Prepare
    const { engine } = testEngine([orderWorkflow({ rulesets: [ruleset('CREATE', []), ruleset('BOOK', [setState('BOOKED')])] })]);
    await engine.process(orderEvent('CREATE', { attributes: { total: 42 } }));

    // Act
    const result = await engine.process(orderEvent('BOOK', { retailerId: 'R2' }));

    // Assess
    expect(result).toMatchObject({ outcome: 'NO_MATCH', error: { code: 'ENTITY_NOT_FOUND' } });
    expect(result.entity).toBeUndefined();
  });

  it('lets two retailers create roots of the same ref, each in its own namespace', async () => {
    // Prepare
    const { engine, store } = testEngine([orderWorkflow(), orderWorkflow({ retailerId: 'R2', rulesets: [ruleset('CREATE', [])] })]);
    await engine.process(orderEvent('CREATE', { attributes: { total: 42 } }));

    // Act
    const result = await engine.process(orderEvent('CREATE', { retailerId: 'R2', attributes: { total: 7 } }));

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(store.getEntity('R2', 'ORDER', 'O-1')).toMatchObject({ retailerId: 'R2', status: 'CREATED', attributes: { total: 7 } });
    expect(store.getEntity('R1', 'ORDER', 'O-1')).toMatchObject({ retailerId: 'R1', status: 'BOOKED', attributes: { total: 42 } });
  });

  it('runs the same event id of two retailers as two events', async () => {
    // Prepare
    const { engine } = testEngine([orderWorkflow(), orderWorkflow({ retailerId: 'R2' })]);
    await engine.process(orderEvent('CREATE', { id: 'shared-id' }));

    // Act
    const result = await engine.process(orderEvent('CREATE', { id: 'shared-id', retailerId: 'R2' }));

    // Assess
    expect(result.outcome).toBe('SUCCESS');
  });

  it('fails a CREATE for which no workflow exists, leaving it retryable', async () => {
    // Prepare
    const { engine } = testEngine([]);

    // Act
    const result = await engine.process(orderEvent('CREATE'));

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'WORKFLOW_NOT_FOUND' } });
    expect(result.unitOfWork?.markProcessed).toBe(false);
  });

  it('keeps an existing entity on the workflow version it was created under', async () => {
    // Prepare
    const v1 = orderWorkflow({
      statuses: statuses('CREATED', 'BOOKED', 'SHIPPED'),
      rulesets: [ruleset('CREATE', [setState('BOOKED')]), ruleset('SHIP', [setState('SHIPPED')])],
    });
    const { engine, store, clock } = testEngine([v1]);
    await engine.process(orderEvent('CREATE'));
    store.putWorkflow({
      ...v1,
      statuses: statuses('CREATED', 'BOOKED', 'SHIPPED', 'HELD'),
      rulesets: [ruleset('CREATE', [setState('BOOKED')]), ruleset('SHIP', [setState('HELD')])],
    });
    clock.advance(60_000);

    // Act
    await engine.process(orderEvent('SHIP'));

    // Assess
    expect(orderOf(store)).toMatchObject({ status: 'SHIPPED', workflowVersion: 1 });
  });

  it('pins a new entity to the latest workflow version', async () => {
    // Prepare
    const v1 = orderWorkflow();
    const { engine, store } = testEngine([v1]);
    store.putWorkflow({ ...v1, statuses: statuses('CREATED', 'ACCEPTED'), rulesets: [ruleset('CREATE', [setState('ACCEPTED')])] });

    // Act
    await engine.process(orderEvent('CREATE'));

    // Assess
    expect(orderOf(store)).toMatchObject({ status: 'ACCEPTED', workflowVersion: 2 });
  });

  it('uses the workflow of the subtype given on the CREATE event, DEFAULT when none is given', async () => {
    // Prepare
    const defaultWorkflow = orderWorkflow({
      subtype: 'DEFAULT',
      statuses: statuses('CREATED', 'PLAIN'),
      rulesets: [ruleset('CREATE', [setState('PLAIN')])],
    });
    const { engine, store } = testEngine([orderWorkflow(), defaultWorkflow]);

    // Act
    await engine.process(orderEvent('CREATE', { entitySubtype: undefined }));

    // Assess
    expect(orderOf(store)).toMatchObject({ subtype: 'DEFAULT', status: 'PLAIN', workflowRef: 'ORDER::DEFAULT' });
  });

  it('matches a ruleset restricted to a subtype only for entities of that subtype', async () => {
    // Prepare
    const workflow = orderWorkflow({
      statuses: statuses('CREATED', 'BOOKED', 'COLLECTED'),
      rulesets: [ruleset('CREATE', [setState('BOOKED')]), ruleset('COLLECT', [setState('COLLECTED')], { subtype: 'CC' })],
    });
    const { engine } = testEngine([workflow]);
    await engine.process(orderEvent('CREATE'));

    // Act
    const result = await engine.process(orderEvent('COLLECT'));

    // Assess
    expect(result.outcome).toBe('NO_MATCH');
  });

  it('lets each rule see the changes of the rules before it', async () => {
    // Prepare
    const workflow = orderWorkflow({
      rulesets: [
        ruleset('CREATE', [
          setState('BOOKED'),
          rule('SendEventIf', { eventName: 'NOTE', condition: { source: 'entity', path: 'status', op: 'eq', value: 'BOOKED' } }),
        ]),
        ruleset('NOTE', [rule('SetAttributes', { attributes: { noted: true } })]),
      ],
    });
    const { engine, store } = testEngine([workflow]);

    // Act
    await engine.process(orderEvent('CREATE'));

    // Assess
    expect(orderOf(store)?.attributes).toEqual({ noted: true });
  });

  it('merges attributes from SetAttributes, copying named ones from the event', async () => {
    // Prepare
    const workflow = orderWorkflow({
      rulesets: [
        ruleset('CREATE', [setState('BOOKED')]),
        ruleset('UPDATE', [rule('SetAttributes', { attributes: { touched: true }, fromEvent: ['carrier', 'missing'] })]),
      ],
    });
    const { engine, store } = testEngine([workflow]);
    await engine.process(orderEvent('CREATE', { attributes: { total: 10 } }));

    // Act
    await engine.process(orderEvent('UPDATE', { attributes: { carrier: 'DHL', other: 1 } }));

    // Assess
    expect(orderOf(store)?.attributes).toEqual({ total: 10, touched: true, carrier: 'DHL' });
  });

  it('writes a LOG audit entry for each Log rule', async () => {
    // Prepare
    const workflow = orderWorkflow({ rulesets: [ruleset('CREATE', [log('hello'), setState('BOOKED')])] });
    const { engine, store } = testEngine([workflow]);
    const event = orderEvent('CREATE');

    // Act
    await engine.process(event);

    // Assess
    expect(store.auditOf(event.id).find((record) => record.kind === 'LOG')).toMatchObject({
      message: 'hello',
      props: { level: 'INFO' },
    });
  });

  it('puts webhooks and published events in the outbox', async () => {
    // Prepare
    const workflow = orderWorkflow({
      rulesets: [
        ruleset('CREATE', [
          setState('BOOKED'),
          rule('SendWebhook', { url: 'https://example.com/hook', includeEntity: true }),
          rule('PublishEvent', { detailType: 'OrderBooked' }),
        ]),
      ],
    });
    const { engine, store } = testEngine([workflow]);
    const event = orderEvent('CREATE');

    // Act
    await engine.process(event);

    // Assess
    expect(store.outbox).toEqual([
      {
        id: expect.any(String),
        kind: 'WEBHOOK',
        eventId: event.id,
        createdOn: '2025-01-01T10:00:00.000Z',
        payload: expect.objectContaining({
          url: 'https://example.com/hook',
          eventName: 'CREATE',
          entityStatus: 'BOOKED',
          body: { event: { id: event.id, name: 'CREATE' }, entity: expect.objectContaining({ ref: 'O-1', status: 'BOOKED' }) },
        }),
      },
      {
        id: expect.any(String),
        kind: 'PUBLISH',
        eventId: event.id,
        createdOn: '2025-01-01T10:00:00.000Z',
        payload: expect.objectContaining({ detailType: 'OrderBooked', detail: { event: { id: event.id, name: 'CREATE' } } }),
      },
    ]);
  });

  it('sends an event for another root entity through the outbox instead of running it', async () => {
    // Prepare
    const workflow = orderWorkflow({
      rulesets: [
        ruleset('CREATE', [
          setState('BOOKED'),
          sendEvent('RESERVE', { target: { entityType: 'LOCATION', entityRef: 'L-9' }, attributes: { sku: 'S-1' } }),
        ]),
      ],
    });
    const { engine, store } = testEngine([workflow]);
    const event = orderEvent('CREATE');

    // Act
    await engine.process(event);

    // Assess
    expect(store.outbox).toHaveLength(1);
    expect(store.outbox[0]).toMatchObject({
      kind: 'EVENT',
      eventId: event.id,
      payload: {
        name: 'RESERVE',
        retailerId: 'R1',
        entityType: 'LOCATION',
        entityRef: 'L-9',
        rootEntityType: 'LOCATION',
        rootEntityRef: 'L-9',
        attributes: { sku: 'S-1' },
        source: 'QUEUE',
      },
    });
    expect(store.outbox[0]?.payload.id).toBe(store.outbox[0]?.id);
  });

  it('awaits rules that return a promise', async () => {
    // Prepare
    const { engine, store, registry } = testEngine([]);
    registry.register({
      name: 'acme.test.AsyncBook',
      props: z.strictObject({}),
      run: async () => [{ type: 'SET_STATE', status: 'BOOKED' }],
    });
    store.putWorkflow(orderWorkflow({ rulesets: [ruleset('CREATE', [{ name: 'acme.test.AsyncBook' }])] }));

    // Act
    await engine.process(orderEvent('CREATE'));

    // Assess
    expect(orderOf(store)?.status).toBe('BOOKED');
  });
});
