import type { RuleRegistry } from '../../../engine/rule-registry';
import { retryAwaitingOrdersRule } from './retry-awaiting-orders';

/** The inventory position rules the reference INVENTORY_POSITION workflow uses. */
export const registerInventoryRules = (registry: RuleRegistry): RuleRegistry => {
  registry.register(retryAwaitingOrdersRule);
  return registry;
};
