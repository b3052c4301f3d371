import { countStuckEvent } from '../adapters/metrics/stuck-event-metrics';
import type { StuckMarkContext } from '../domain/orchestration/stuck-event-marks';
import { containerPart } from './account-context';
import { orchestrationOf } from './orchestration';

const build = (): StuckMarkContext => ({ orchestrationOf, countStuck: countStuckEvent });

/** What marks the events the events DLQ received: each account's records, and the metric that counts them. */
export const stuckEventMarking = (): StuckMarkContext => containerPart(build);
