import * as z from 'zod';
import type { Workflow } from '../../../shared/engine/workflow';
import { orderEvent, orderOf, testEngine } from './fixtures/engine';
import { log, orderWorkflow, rule, ruleset, sendEvent, setState, statuses } from './fixtures/workflows';

const registerCreateFulfilment = (registry: ReturnType<typeof testEngine>['registry']) =>
  registry.register({
    name: 'acme.test.CreateFulfilment',
    props: z.strictObject({ ref: z.string(), status: z.string().optional() }),
    run: (_ctx, props) => [
      { type: 'CREATE_ENTITY', entity: { entityType: 'FULFILMENT', subtype: 'HD', ref: props.ref, status: props.status, attributes: { lines: 1 } } },
    ],
  });

describe('Engine.process inline events', () => {
  it('runs events sent to the same root in FIFO order within one execution', async () => {
    // Prepare
    const workflow = orderWorkflow({
      rulesets: [
        ruleset('CREATE', [sendEvent('A'), sendEvent('B'), setState('BOOKED')]),
        ruleset('A', [log('A'), sendEvent('C')]),
        ruleset('B', [log('B')]),
        ruleset('C', [log('C')]),
      ],
    });
    const { engine, store } = testEngine([workflow]);
    const event = orderEvent('CREATE');

    // Act
    const result = await engine.process(event);

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    const audit = store.auditOf(event.id);
    expect(audit.filter((record) => record.kind === 'RULESET').map((record) => record.name)).toEqual(['CREATE', 'A', 'B', 'C']);
    expect(audit.filter((record) => record.kind === 'LOG').map((record) => record.message)).toEqual(['A', 'B', 'C']);
    expect(store.commits).toBe(1);
  });

  it('marks the audit of inline events with their own event id', async () => {
    // Prepare
    const workflow = orderWorkflow({ rulesets: [ruleset('CREATE', [sendEvent('BOOK')]), ruleset('BOOK', [setState('BOOKED')])] });
    const { engine, store } = testEngine([workflow]);
    const event = orderEvent('CREATE');

    // Act
    await engine.process(event);

    // Assess
    const audit = store.auditOf(event.id);
    const book = audit.find((record) => record.kind === 'RULESET' && record.name === 'BOOK');
    expect(book?.inlineEventId).toEqual(expect.any(String));
    expect(audit.find((record) => record.kind === 'STATE_CHANGE')).toMatchObject({ inlineEventId: book?.inlineEventId, to: 'BOOKED' });
    expect(audit.find((record) => record.kind === 'RULESET' && record.name === 'CREATE')?.inlineEventId).toBeUndefined();
  });

  it('runs an inline event after the ruleset that sent it has finished', async () => {
    // Prepare
    const workflow = orderWorkflow({
      statuses: statuses('CREATED', 'BOOKED', 'CONFIRMED'),
      rulesets: [
        ruleset('CREATE', [sendEvent('CONFIRM'), setState('BOOKED')]),
        ruleset('CONFIRM', [setState('CONFIRMED')], { triggers: ['BOOKED'] }),
      ],
    });
    const { engine, store } = testEngine([workflow]);

    // Act
    await engine.process(orderEvent('CREATE'));

    // Assess
    expect(orderOf(store)?.status).toBe('CONFIRMED');
  });

  it('audits an inline event that matches nothing as NO_MATCH and still succeeds', async () => {
    // Prepare
    const workflow = orderWorkflow({ rulesets: [ruleset('CREATE', [setState('BOOKED'), sendEvent('NOBODY_LISTENS')])] });
    const { engine, store } = testEngine([workflow]);
    const event = orderEvent('CREATE');

    // Act
    const result = await engine.process(event);

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(store.auditOf(event.id).find((record) => record.kind === 'NO_MATCH')).toMatchObject({
      name: 'NOBODY_LISTENS',
      inlineEventId: expect.any(String),
    });
    expect(orderOf(store)?.status).toBe('BOOKED');
  });

  it('creates a child entity pinned to the root workflow and runs its CREATE ruleset inline', async () => {
    // Prepare
    const { engine, store, registry } = testEngine([]);
    registerCreateFulfilment(registry);
    store.putWorkflow(
      orderWorkflow({
        statuses: statuses('CREATED', 'BOOKED', 'AWAITING_PICK'),
        rulesets: [
          ruleset('CREATE', [setState('BOOKED'), { name: 'acme.test.CreateFulfilment', props: { ref: 'F-1' } }]),
          ruleset('CREATE', [setState('AWAITING_PICK')], { type: 'FULFILMENT' }),
        ],
      }),
    );

    // Act
    const result = await engine.process(orderEvent('CREATE'));

    // Assess
    expect(result.unitOfWork?.entities.map((change) => [change.entity.entityType, change.expectedVersion])).toEqual([
      ['ORDER', null],
      ['FULFILMENT', null],
    ]);
    expect(store.getEntity('R1', 'FULFILMENT', 'F-1', { rootEntityType: 'ORDER', rootRef: 'O-1' })).toMatchObject({
      subtype: 'HD',
      status: 'AWAITING_PICK',
      attributes: { lines: 1 },
      rootEntityType: 'ORDER',
      rootRef: 'O-1',
      workflowRef: 'ORDER::HD',
      workflowVersion: 1,
      version: 1,
    });
    expect(await store.loadRoot('R1', 'ORDER', 'O-1')).toHaveLength(2);
  });

  it('fails when a rule creates a child that already exists', async () => {
    // Prepare
    const { engine, store, registry } = testEngine([]);
    registerCreateFulfilment(registry);
    store.putWorkflow(
      orderWorkflow({
        rulesets: [
          ruleset('CREATE', [
            { name: 'acme.test.CreateFulfilment', props: { ref: 'F-1', status: 'CREATED' } },
            { name: 'acme.test.CreateFulfilment', props: { ref: 'F-1', status: 'CREATED' } },
          ]),
        ],
      }),
    );

    // Act
    const result = await engine.process(orderEvent('CREATE'));

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'ENTITY_EXISTS' } });
  });

  describe('between an order and its fulfilment', () => {
    const workflow: Workflow = orderWorkflow({
      statuses: statuses('CREATED', 'BOOKED', 'PICKED', 'SHIPPED', 'COMPLETE'),
      rulesets: [
        ruleset('CREATE', [setState('BOOKED'), { name: 'acme.test.CreateFulfilment', props: { ref: 'F-1', status: 'CREATED' } }]),
        ruleset('PICK', [setState('PICKED')], { type: 'FULFILMENT' }),
        ruleset('SHIP', [setState('SHIPPED'), sendEvent('FULFILMENT_SHIPPED', { target: 'ROOT' })], { type: 'FULFILMENT' }),
        ruleset('FULFILMENT_SHIPPED', [setState('COMPLETE'), sendEvent('PICK', { target: { entityType: 'FULFILMENT', entityRef: 'F-1' } })]),
      ],
    });
    const fulfilmentEvent = (name: string) =>
      orderEvent(name, { entityType: 'FULFILMENT', entityRef: 'F-1', entitySubtype: 'HD', rootEntityType: 'ORDER', rootEntityRef: 'O-1' });

    it("runs an event for a child entity against the root's workflow", async () => {
      // Prepare
      const { engine, store, registry } = testEngine([workflow]);
      registerCreateFulfilment(registry);
      await engine.process(orderEvent('CREATE'));

      // Act
      const result = await engine.process(fulfilmentEvent('PICK'));

      // Assess
      expect(result.outcome).toBe('SUCCESS');
      expect(result.entity).toMatchObject({ entityType: 'FULFILMENT', status: 'PICKED', version: 2 });
      expect(orderOf(store)?.version).toBe(1);
    });

    it('sends events between a child and its root inline, to ROOT and to an explicit entity', async () => {
      // Prepare
      const { engine, store, registry } = testEngine([workflow]);
      registerCreateFulfilment(registry);
      await engine.process(orderEvent('CREATE'));

      // Act
      await engine.process(fulfilmentEvent('SHIP'));

      // Assess
      expect(orderOf(store)?.status).toBe('COMPLETE');
      expect(store.getEntity('R1', 'FULFILMENT', 'F-1', { rootEntityType: 'ORDER', rootRef: 'O-1' })?.status).toBe('PICKED');
      expect(store.outbox).toEqual([]);
    });

    it('answers NO_MATCH for an event on a child that does not exist', async () => {
      // Prepare
      const { engine, registry } = testEngine([workflow]);
      registerCreateFulfilment(registry);
      await engine.process(orderEvent('CREATE'));

      // Act
      const result = await engine.process({ ...fulfilmentEvent('PICK'), entityRef: 'F-404' });

      // Assess
      expect(result).toMatchObject({ outcome: 'NO_MATCH', error: { code: 'ENTITY_NOT_FOUND' } });
    });
  });

  it('passes the attributes given to SendEvent on to the inline event', async () => {
    // Prepare
    const workflow = orderWorkflow({
      rulesets: [
        ruleset('CREATE', [setState('BOOKED'), sendEvent('NOTE', { attributes: { reason: 'vip' } })]),
        ruleset('NOTE', [rule('SetAttributes', { fromEvent: ['reason'] })]),
      ],
    });
    const { engine, store } = testEngine([workflow]);

    // Act
    await engine.process(orderEvent('CREATE'));

    // Assess
    expect(orderOf(store)?.attributes).toEqual({ reason: 'vip' });
  });
});
