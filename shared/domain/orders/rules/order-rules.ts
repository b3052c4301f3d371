import type { RuleRegistry } from '../../../engine/rule-registry';
import { completeWhenFulfilledRule } from './complete-when-fulfilled';
import { consumeReservationsRule } from './consume-reservations';
import { notifyFulfilmentsRule } from './notify-fulfilments';
import { schedulePickupExpiryRule } from './schedule-pickup-expiry';
import { shortPickRule } from './short-pick';
import { sourceOrderRule } from './source-order';

/** The order and fulfilment rules the reference workflows use. */
export const registerOrderRules = (registry: RuleRegistry): RuleRegistry => {
  registry.register(sourceOrderRule);
  registry.register(consumeReservationsRule);
  registry.register(shortPickRule);
  registry.register(completeWhenFulfilledRule);
  registry.register(notifyFulfilmentsRule);
  registry.register(schedulePickupExpiryRule);
  return registry;
};
