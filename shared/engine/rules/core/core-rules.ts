import { RuleRegistry } from '../../rule-registry';
import { failRule } from './fail';
import { logRule } from './log';
import { publishEventRule } from './publish-event';
import { releaseReservationsRule } from './release-reservations';
import { scheduleEventRule } from './schedule-event';
import { sendEventRule } from './send-event';
import { sendEventIfRule } from './send-event-if';
import { sendWebhookRule } from './send-webhook';
import { setAttributesRule } from './set-attributes';
import { setStateRule } from './set-state';

export {
  failRule,
  logRule,
  publishEventRule,
  releaseReservationsRule,
  scheduleEventRule,
  sendEventIfRule,
  sendEventRule,
  sendWebhookRule,
  setAttributesRule,
  setStateRule,
};

export const registerCoreRules = (registry: RuleRegistry): RuleRegistry =>
  registry
    .register(setStateRule)
    .register(sendEventRule)
    .register(scheduleEventRule)
    .register(setAttributesRule)
    .register(sendEventIfRule)
    .register(logRule)
    .register(sendWebhookRule)
    .register(publishEventRule)
    .register(releaseReservationsRule)
    .register(failRule);

/** A registry with every ordo.core rule; register custom rules on it. */
export const createCoreRegistry = (): RuleRegistry => registerCoreRules(new RuleRegistry());
