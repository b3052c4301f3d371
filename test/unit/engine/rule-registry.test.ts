import * as z from 'zod';
import { RuleRegistry } from '../../../shared/engine/rule-registry';
import { setStateRule } from '../../../shared/engine/rules/core/core-rules';

const noop = (name: string) => ({ name, props: z.strictObject({}), run: () => [] });

describe('RuleRegistry', () => {
  it('finds a registered rule by its name', () => {
    // Prepare
    const registry = new RuleRegistry().register(setStateRule);

    // Act
    const found = registry.get('ordo.core.SetState');

    // Assess
    expect(found).toBe(setStateRule);
    expect(registry.has('ordo.core.SetState')).toBe(true);
    expect(registry.has('ordo.core.Unknown')).toBe(false);
  });

  it('refuses a second rule with the same name', () => {
    // Prepare
    const registry = new RuleRegistry().register(noop('acme.orders.Check'));

    // Act
    const registerAgain = () => registry.register(noop('acme.orders.Check'));

    // Assess
    expect(registerAgain).toThrow("Rule 'acme.orders.Check' is already registered");
  });

  it('refuses a name that is not fully qualified', () => {
    // Prepare
    const registry = new RuleRegistry();

    // Act
    const register = () => registry.register(noop('SetState'));

    // Assess
    expect(register).toThrow('must be fully qualified');
  });
});
