import type { RuleRegistry } from '../../../engine/rule-registry';
import { receiveReturnRule } from './receive-return';

/** The return rules the reference return workflow uses. */
export const registerReturnRules = (registry: RuleRegistry): RuleRegistry => {
  registry.register(receiveReturnRule);
  return registry;
};
