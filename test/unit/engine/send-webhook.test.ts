import { defaultWebhookType } from '../../../shared/engine/outbound-types';
import { createCoreRegistry, sendWebhookRule } from '../../../shared/engine/rules/core/core-rules';
import { validateWorkflow } from '../../../shared/engine/workflow-validation';
import { orderEvent, testEngine } from './fixtures/engine';
import { ruleContext } from './fixtures/rule-context';
import { orderWorkflow, rule, ruleset, setState } from './fixtures/workflows';

const registry = createCoreRegistry();

describe('ordo.core.SendWebhook', () => {
  it('sends a webhook of the type the workflow names', async () => {
    // Prepare
    const props = sendWebhookRule.props.parse({ eventType: 'order.picked' });

    // Act
    const actions = await sendWebhookRule.run(ruleContext(), props);

    // Assess
    expect(actions).toEqual([{ type: 'WEBHOOK', eventType: 'order.picked', payload: { event: { id: 'evt-1', name: 'CHECK' } } }]);
  });

  it('sends <entity type>.<event name> in lower case when the workflow names no type', async () => {
    // Prepare
    const props = sendWebhookRule.props.parse({});

    // Act
    const actions = await sendWebhookRule.run(ruleContext(), props);

    // Assess
    expect(actions).toMatchObject([{ type: 'WEBHOOK', eventType: 'order.check' }]);
  });

  it.each([
    ['FULFILMENT', 'SHORT-PICK', 'fulfilment.short_pick'],
    ['INVENTORY_POSITION', 'Stock Changed!', 'inventory_position.stock_changed_'],
    ['3PL', 'READY', 'entity_3pl.ready'],
  ])('makes the default type of %s and %s a valid custom type: %s', (entityType, eventName, expected) => {
    // Act
    const type = defaultWebhookType(entityType, eventName);

    // Assess
    expect(type).toBe(expected);
  });

  it('keeps a default type of long names within 100 characters', () => {
    // Act
    const type = defaultWebhookType('E'.repeat(200), 'N'.repeat(200));

    // Assess
    expect(type).toMatch(/^e{50}\.n{49}$/);
  });

  it.each(['order.created', 'webhook.test', 'batch.completed'])('refuses %s, a built-in type, as eventType', (eventType) => {
    // Act
    const parsed = sendWebhookRule.props.safeParse({ eventType });

    // Assess
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['eventType'], message: expect.stringContaining('built-in') })]);
  });

  it.each(['Order.Picked', 'order..picked', 'order.picked.', '*', '.picked', `a${'b'.repeat(100)}`])(
    'refuses %s as eventType, which no subscription could name',
    (eventType) => {
      // Act
      const parsed = sendWebhookRule.props.safeParse({ eventType });

      // Assess
      expect(parsed.success).toBe(false);
    },
  );

  it('refuses on upload a ruleset whose default type would be a built-in one', () => {
    // Prepare
    const workflow = orderWorkflow({
      statuses: [{ name: 'CREATED' }, { name: 'BOOKED' }],
      rulesets: [ruleset('CREATE', [setState('BOOKED')]), ruleset('CREATED', [rule('SendWebhook', {})])],
    });

    // Act
    const { problems } = validateWorkflow(workflow, registry);

    // Assess
    expect(problems).toEqual([{ path: 'rulesets[1].rules[0].props', message: expect.stringContaining("'order.created' is a built-in event type") }]);
  });

  it('takes that ruleset once it names a type of its own', () => {
    // Prepare
    const workflow = orderWorkflow({
      rulesets: [ruleset('CREATE', [setState('BOOKED')]), ruleset('CREATED', [rule('SendWebhook', { eventType: 'order.accepted' })])],
    });

    // Act
    const { problems } = validateWorkflow(workflow, registry);

    // Assess
    expect(problems).toEqual([]);
  });

  it('puts the type in the webhook outbox record', async () => {
    // Prepare
    const workflow = orderWorkflow({ rulesets: [ruleset('CREATE', [setState('BOOKED'), rule('SendWebhook', { eventType: 'order.accepted' })])] });
    const { engine, store } = testEngine([workflow]);

    // Act
    await engine.process(orderEvent('CREATE'));

    // Assess
    expect(store.outbox.map((record) => [record.kind, record.payload.type])).toEqual([['WEBHOOK', 'order.accepted']]);
  });
});
