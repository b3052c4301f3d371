import { systemClock } from '../adapters/clock/system-clock';
import type { Clock } from '../ports/clock';
import type { EventSourceRegistry } from '../ports/event-source-registry';
import { containerPart } from './account-context';
import { eventSourceRegistry } from './event-source-registrations';

export interface EventSourceAdministration {
  eventSources: EventSourceRegistry;
  clock: Clock;
}

const build = (): EventSourceAdministration => ({ eventSources: eventSourceRegistry(), clock: systemClock });

/** What registering and releasing an account's EventBridge sources needs. */
export const eventSourceAdministration = (): EventSourceAdministration => containerPart(build);
