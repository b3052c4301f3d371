import type { Clock } from '../../ports/clock';

/** The clock every deployed function uses; tests pass a fixed one instead. */
export const systemClock: Clock = { now: () => new Date() };
