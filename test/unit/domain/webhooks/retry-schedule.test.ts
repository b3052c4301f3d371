import { DEFAULT_WEBHOOK_RETRY_SCHEDULE, parseRetrySchedule, retrySchedule } from '../../../../shared/domain/webhooks/retry-schedule';

const LAST_ATTEMPT = new Date('2025-01-01T10:00:00.000Z');
const secondsAfterLastAttempt = (date: Date | undefined): number | undefined =>
  date === undefined ? undefined : (date.getTime() - LAST_ATTEMPT.getTime()) / 1000;

describe('parseRetrySchedule', () => {
  it('uses 5 s, 5 min, 30 min, 2 h, 5 h and 10 h when the variable is not set', () => {
    // Act
    const schedule = parseRetrySchedule(undefined);

    // Assess
    expect(schedule.delaysSeconds).toEqual([5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600]);
  });

  it('uses the default when the variable is set but empty', () => {
    // Act
    const schedule = parseRetrySchedule('  ');

    // Assess
    expect(schedule.delaysSeconds).toEqual(DEFAULT_WEBHOOK_RETRY_SCHEDULE);
  });

  it('reads comma-separated seconds, spaces and fractions allowed, for a short local schedule', () => {
    // Act
    const schedule = parseRetrySchedule('1, 2 ,0.5');

    // Assess
    expect(schedule.delaysSeconds).toEqual([1, 2, 0.5]);
  });

  it.each([['5,abc,10'], ['5,,10'], ['5,-1'], ['0'], ['5;10'], ['Infinity']])('refuses %p naming the variable', (raw) => {
    // Act
    const parse = (): unknown => parseRetrySchedule(raw);

    // Assess
    expect(parse).toThrow(/ORDO_WEBHOOK_RETRY_SCHEDULE must be positive numbers of seconds/);
  });

  it('names the bad entry in its error', () => {
    // Act
    const parse = (): unknown => parseRetrySchedule('5,soon');

    // Assess
    expect(parse).toThrow(/"soon" is not one/);
  });
});

describe('retrySchedule.nextAttemptAt', () => {
  const schedule = retrySchedule([5, 300, 1800]);

  it('waits the first delay after the first failed attempt', () => {
    // Act
    const next = schedule.nextAttemptAt(1, LAST_ATTEMPT);

    // Assess
    expect(secondsAfterLastAttempt(next)).toBe(5);
  });

  it('waits the n-th delay after the n-th failed attempt', () => {
    // Act
    const waits = [2, 3].map((attemptsMade) => secondsAfterLastAttempt(schedule.nextAttemptAt(attemptsMade, LAST_ATTEMPT)));

    // Assess
    expect(waits).toEqual([300, 1800]);
  });

  it('gives no next attempt once every delay was used, so the message is FAILED', () => {
    // Act
    const next = schedule.nextAttemptAt(4, LAST_ATTEMPT);

    // Assess
    expect(next).toBeUndefined();
  });

  it('gives one attempt plus one per delay of the default schedule', () => {
    // Prepare
    const standard = parseRetrySchedule(undefined);

    // Act
    const nextAfter = (attemptsMade: number): Date | undefined => standard.nextAttemptAt(attemptsMade, LAST_ATTEMPT);

    // Assess
    expect(secondsAfterLastAttempt(nextAfter(6))).toBe(10 * 3600);
    expect(nextAfter(7)).toBeUndefined();
  });

  it('refuses to be asked before any attempt was made', () => {
    // Act
    const ask = (): unknown => schedule.nextAttemptAt(0, LAST_ATTEMPT);

    // Assess
    expect(ask).toThrow(RangeError);
  });
});
