import type { RuleRegistry } from '../../../engine/rule-registry';
import { cancelLinesRule } from './cancel-lines';
import { cancelOrderRule } from './cancel-order';
import { changeAddressRule } from './change-address';
import { completeWhenFulfilledRule } from './complete-when-fulfilled';
import { consumeReservationsRule } from './consume-reservations';
import { expireWaitRule } from './expire-wait';
import { handBackLinesRule } from './hand-back-lines';
import { notifyFulfilmentsRule } from './notify-fulfilments';
import { removeLinesRule } from './remove-lines';
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
  registry.register(cancelLinesRule);
  registry.register(cancelOrderRule);
  registry.register(changeAddressRule);
  registry.register(removeLinesRule);
  registry.register(handBackLinesRule);
  registry.register(expireWaitRule);
  return registry;
};
