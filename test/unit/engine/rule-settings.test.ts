import * as z from 'zod';
import type { SettingsReader } from '../../../shared/engine/engine-store';
import { defineRule } from '../../../shared/engine/rule-registry';
import { orderEvent, orderOf, testEngine } from './fixtures/engine';
import { orderWorkflow, ruleset, setState } from './fixtures/workflows';

/** Copies the setting `name` onto the order, so a test sees what the rule read. */
const copySetting = defineRule({
  name: 'acme.orders.CopySetting',
  props: z.strictObject({ name: z.string(), into: z.string() }),
  run: async (ctx, props) => [{ type: 'SET_ATTRIBUTES', attributes: { [props.into]: (await ctx.setting(props.name)) ?? 'unset' } }],
});

/** Settings by retailer, counting the reads the engine makes. */
const settingsReader = (byRetailer: Record<string, Record<string, unknown>>) => {
  const reads: string[] = [];
  const reader: SettingsReader = {
    valuesFor: async (retailerId) => {
      reads.push(retailerId);
      return new Map(Object.entries(byRetailer[retailerId] ?? {}));
    },
  };
  return { reader, reads };
};

const copying = orderWorkflow({
  rulesets: [
    ruleset('CREATE', [
      setState('BOOKED'),
      { name: 'acme.orders.CopySetting', props: { name: 'order.partialAllocation', into: 'first' } },
      { name: 'acme.orders.CopySetting', props: { name: 'fulfilment.cc.pickupExpiryHours', into: 'second' } },
    ]),
  ],
});

describe('rules reading settings through the execution context', () => {
  it("read the values set for the event's retailer", async () => {
    // Prepare
    const { reader } = settingsReader({ R1: { 'order.partialAllocation': true, 'fulfilment.cc.pickupExpiryHours': 2 }, R2: { 'order.partialAllocation': false } });
    const { engine, store, registry } = testEngine([copying], { services: { settings: reader } });
    registry.register(copySetting);

    // Act
    await engine.process(orderEvent('CREATE'));

    // Assess
    expect(orderOf(store)?.attributes).toEqual({ first: true, second: 2 });
  });

  it('read the settings once per execution, however many rules ask', async () => {
    // Prepare
    const { reader, reads } = settingsReader({ R1: {} });
    const { engine, registry } = testEngine([copying], { services: { settings: reader } });
    registry.register(copySetting);

    // Act
    await engine.process(orderEvent('CREATE'));

    // Assess
    expect(reads).toEqual(['R1']);
  });

  it('read nothing when no rule asks', async () => {
    // Prepare
    const { reader, reads } = settingsReader({ R1: { 'order.partialAllocation': true } });
    const { engine } = testEngine([orderWorkflow({ rulesets: [ruleset('CREATE', [setState('BOOKED')])] })], { services: { settings: reader } });

    // Act
    await engine.process(orderEvent('CREATE'));

    // Assess
    expect(reads).toEqual([]);
  });

  it('see no value when the engine has no settings', async () => {
    // Prepare
    const { engine, store, registry } = testEngine([copying]);
    registry.register(copySetting);

    // Act
    await engine.process(orderEvent('CREATE'));

    // Assess
    expect(orderOf(store)?.attributes).toEqual({ first: 'unset', second: 'unset' });
  });
});
