/** 5 s, 5 min, 30 min, 2 h, 5 h, 10 h: the retries after a first attempt that failed. */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE: readonly number[] = [5, 300, 1800, 7200, 18000, 36000];

export const RETRY_SCHEDULE_VARIABLE = 'ORDO_WEBHOOK_RETRY_SCHEDULE';

/** When a message that failed is tried again; a message gets one attempt plus one per delay. */
export interface RetrySchedule {
  /** Seconds to wait after the 1st, 2nd, … failed attempt. */
  readonly delaysSeconds: readonly number[];
  /**
   * When to try again after `attemptsMade` attempts (all failed), the last at `lastAttemptAt`;
   * undefined once the schedule is used up, and the message is FAILED.
   */
  nextAttemptAt(attemptsMade: number, lastAttemptAt: Date): Date | undefined;
}

export const retrySchedule = (delaysSeconds: readonly number[]): RetrySchedule => {
  const delays = Object.freeze([...delaysSeconds]);
  return {
    delaysSeconds: delays,
    nextAttemptAt(attemptsMade, lastAttemptAt) {
      // Called only after an attempt was made: anything else is a bug in the caller.
      if (!Number.isInteger(attemptsMade) || attemptsMade < 1) throw new RangeError(`attemptsMade must be a whole number from 1, got ${attemptsMade}`);
      const delay = delays[attemptsMade - 1];
      return delay === undefined ? undefined : new Date(lastAttemptAt.getTime() + delay * 1000);
    },
  };
};

/**
 * The schedule set in `ORDO_WEBHOOK_RETRY_SCHEDULE` ("5,300,1800": seconds, comma-separated), or the
 * default when unset or empty. A bad value stops the service at start naming the variable, rather
 * than silently retrying on some other schedule; being the deployment's mistake, not a caller's,
 * it is a plain Error.
 */
export const parseRetrySchedule = (raw: string | undefined, variable = RETRY_SCHEDULE_VARIABLE): RetrySchedule => {
  if (raw === undefined || raw.trim() === '') return retrySchedule(DEFAULT_WEBHOOK_RETRY_SCHEDULE);
  const delays = raw.split(',').map((entry) => {
    const text = entry.trim();
    const seconds = Number(text);
    if (text === '' || !Number.isFinite(seconds) || seconds <= 0) {
      throw new Error(`${variable} must be positive numbers of seconds separated by commas (e.g. "5,300,1800"); "${entry.trim()}" is not one`);
    }
    return seconds;
  });
  return retrySchedule(delays);
};
