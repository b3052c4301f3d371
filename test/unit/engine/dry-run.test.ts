import { orderEvent, orderOf, testEngine } from './fixtures/engine';
import { fail, orderWorkflow, rule, ruleset, sendEvent, setState, statuses } from './fixtures/workflows';

const workflow = orderWorkflow({
  statuses: statuses('CREATED', 'BOOKED', 'SHIPPED', 'NOTIFIED'),
  rulesets: [
    ruleset('CREATE', [setState('BOOKED')]),
    ruleset('SHIP', [setState('SHIPPED'), rule('SendWebhook', { subscription: 'shipping' }), sendEvent('NOTIFY')], {
      triggers: ['BOOKED'],
    }),
    ruleset('NOTIFY', [setState('NOTIFIED')]),
  ],
});

describe('Engine.dryRun', () => {
  it('returns the rulesets, actions and state changes an event would cause', async () => {
    // Prepare
    const { engine } = testEngine([workflow]);
    await engine.process(orderEvent('CREATE'));

    // Act
    const result = await engine.dryRun(orderEvent('SHIP'));

    // Assess
    expect(result.outcome).toBe('SUCCESS');
    expect(result.rulesets).toEqual(['SHIP', 'NOTIFY']);
    expect(result.actions.map(({ ruleset: name, rule: ruleName, action }) => [name, ruleName, action.type])).toEqual([
      ['SHIP', 'ordo.core.SetState', 'SET_STATE'],
      ['SHIP', 'ordo.core.SendWebhook', 'WEBHOOK'],
      ['SHIP', 'ordo.core.SendEvent', 'SEND_EVENT'],
      ['NOTIFY', 'ordo.core.SetState', 'SET_STATE'],
    ]);
    expect(result.stateChanges).toEqual([
      { entityType: 'ORDER', entityRef: 'O-1', from: 'BOOKED', to: 'SHIPPED' },
      { entityType: 'ORDER', entityRef: 'O-1', from: 'SHIPPED', to: 'NOTIFIED' },
    ]);
    expect(result.entity).toMatchObject({ status: 'NOTIFIED', version: 2 });
  });

  it('writes nothing', async () => {
    // Prepare
    const { engine, store } = testEngine([workflow]);
    await engine.process(orderEvent('CREATE'));
    const before = orderOf(store);
    const commits = store.commits;
    const audit = store.audit.length;
    const event = orderEvent('SHIP');

    // Act
    await engine.dryRun(event);

    // Assess
    expect(store.commits).toBe(commits);
    expect(orderOf(store)).toBe(before);
    expect(store.audit).toHaveLength(audit);
    expect(store.outbox).toEqual([]);
    expect(store.scheduled).toEqual([]);
    expect(await store.getEvent('R1', event.id)).toBeUndefined();
  });

  it('runs a draft workflow instead of the stored one', async () => {
    // Prepare
    const { engine, store } = testEngine([workflow]);
    await engine.process(orderEvent('CREATE'));
    const draft = { ...workflow, rulesets: [...workflow.rulesets, ruleset('CANCEL', [setState('CREATED')])] };

    // Act
    const withDraft = await engine.dryRun(orderEvent('CANCEL'), draft);
    const withStored = await engine.dryRun(orderEvent('CANCEL'));

    // Assess
    expect(withDraft.stateChanges).toEqual([{ entityType: 'ORDER', entityRef: 'O-1', from: 'BOOKED', to: 'CREATED' }]);
    expect(withStored.outcome).toBe('NO_MATCH');
    expect(orderOf(store)?.status).toBe('BOOKED');
  });

  it('shows the entity a CREATE would make without storing it', async () => {
    // Prepare
    const { engine, store } = testEngine([workflow]);

    // Act
    const result = await engine.dryRun(orderEvent('CREATE'));

    // Assess
    expect(result.entity).toMatchObject({ ref: 'O-1', status: 'BOOKED', version: 1 });
    expect(orderOf(store)).toBeUndefined();
  });

  it('reports a failing rule without recording it', async () => {
    // Prepare
    const { engine, store } = testEngine([workflow]);
    await engine.process(orderEvent('CREATE'));
    const draft = { ...workflow, rulesets: [...workflow.rulesets, ruleset('BREAK', [setState('SHIPPED'), fail('boom')])] };
    const event = orderEvent('BREAK');

    // Act
    const result = await engine.dryRun(event, draft);

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'RULE_FAILED', message: 'boom' }, stateChanges: [] });
    expect(result.audit?.map((record) => record.kind)).toEqual(['EVENT_RECEIVED', 'EXCEPTION', 'OUTCOME']);
    expect(await store.getEvent('R1', event.id)).toBeUndefined();
  });
});
