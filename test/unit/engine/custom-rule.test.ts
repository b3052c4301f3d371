import * as z from 'zod';
import { defineRule } from '../../../shared/engine/rule-registry';
import { validateWorkflow } from '../../../shared/engine/workflow-validation';
import { orderEvent, orderOf, testEngine } from './fixtures/engine';
import { orderWorkflow, ruleset, setState } from './fixtures/workflows';

/** A retailer's own rule: flags orders above a threshold. */
const flagHighValue = defineRule({
  name: 'acme.orders.FlagHighValue',
  description: 'Flags orders whose total is above the threshold.',
  props: z.strictObject({ threshold: z.number().positive(), flag: z.string().default('highValue') }),
  run: (ctx, props) => {
    const total = ctx.entity.attributes.total;
    return typeof total === 'number' && total > props.threshold
      ? [{ type: 'SET_ATTRIBUTES', attributes: { [props.flag]: true } }]
      : [];
  },
});

const flagging = (props: Record<string, unknown>) =>
  orderWorkflow({ rulesets: [ruleset('CREATE', [setState('BOOKED'), { name: 'acme.orders.FlagHighValue', props }])] });

describe('a custom rule registered in code', () => {
  it('runs with its props parsed by its schema, defaults included', async () => {
    // Prepare
    const { engine, store, registry } = testEngine([flagging({ threshold: 100 })]);
    registry.register(flagHighValue);

    // Act
    await engine.process(orderEvent('CREATE', { attributes: { total: 250 } }));

    // Assess
    expect(orderOf(store)?.attributes).toEqual({ total: 250, highValue: true });
  });

  it('asks for nothing when its condition does not hold', async () => {
    // Prepare
    const { engine, store, registry } = testEngine([flagging({ threshold: 100, flag: 'big' })]);
    registry.register(flagHighValue);

    // Act
    await engine.process(orderEvent('CREATE', { attributes: { total: 50 } }));

    // Assess
    expect(orderOf(store)?.attributes).toEqual({ total: 50 });
  });

  it('has its props checked by workflow validation', () => {
    // Prepare
    const { registry } = testEngine();
    registry.register(flagHighValue);

    // Act
    const { problems } = validateWorkflow(flagging({ threshold: -1 }), registry);

    // Assess
    expect(problems).toEqual([
      { path: 'rulesets[0].rules[1].props.threshold', message: expect.stringContaining('acme.orders.FlagHighValue props.threshold') },
    ]);
  });
});

/** A rule that asks to send an event to another retailer's order: the engine keeps it in its own retailer. */
const crossRetailer = defineRule({
  name: 'acme.orders.PokeOtherRetailer',
  description: 'Sends PING to order O-2 of retailer R2.',
  props: z.strictObject({}),
  run: () => [
    { type: 'SEND_EVENT', event: { name: 'PING', retailerId: 'R2' }, target: { entityType: 'ORDER', entityRef: 'O-2', rootEntityType: 'ORDER', rootEntityRef: 'O-2' } },
  ],
});

describe('a custom rule that names another retailer', () => {
  it("relays its event in the sender's own retailer, never into another retailer's entities", async () => {
    // Prepare
    const { engine, registry } = testEngine([
      orderWorkflow({ rulesets: [ruleset('CREATE', [setState('BOOKED'), { name: 'acme.orders.PokeOtherRetailer', props: {} }])] }),
    ]);
    registry.register(crossRetailer);

    // Act
    const result = await engine.process(orderEvent('CREATE'));

    // Assess
    const relayed = (result.unitOfWork?.outbox ?? []).map((record) => record.payload as { retailerId: string; entityRef: string });
    expect(relayed).toEqual([expect.objectContaining({ entityRef: 'O-2', retailerId: orderEvent('CREATE').retailerId })]);
  });
});
