export interface WaitOptions<T> {
  /** What is awaited, as the timeout error should name it: 'the order to be ALLOCATED'. */
  description: string;
  /** When the value `condition` returned is the one awaited; by default any truthy value. */
  until?: (value: T) => boolean;
  timeoutMs?: number;
  intervalMs?: number;
}

/** A test that waits past its deadline fails here, saying what it waited for and what it saw last. */
export class WaitTimeoutError extends Error {
  constructor(
    readonly description: string,
    readonly timeoutMs: number,
    readonly lastValue: unknown,
  ) {
    super(`timed out after ${timeoutMs} ms waiting for ${description}; last value seen: ${shown(lastValue)}`);
    this.name = 'WaitTimeoutError';
  }
}

const LAST_VALUE_LIMIT = 500;

const shown = (value: unknown): string => {
  if (value === undefined) return 'undefined';
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > LAST_VALUE_LIMIT ? `${text.slice(0, LAST_VALUE_LIMIT)}…` : text;
};

/**
 * Calls `condition` every `intervalMs` until `until` holds for what it returns (by default: until it
 * returns a truthy value), and returns that value. An error thrown by `condition` ends the wait at
 * once: a failing probe is a failure, not a "not yet". Never returns quietly on timeout: it throws a
 * WaitTimeoutError.
 */
export function waitFor<T>(condition: () => T | Promise<T>, options: WaitOptions<T> & { until?: undefined }): Promise<NonNullable<T>>;
export function waitFor<T>(condition: () => T | Promise<T>, options: WaitOptions<T>): Promise<T>;
export async function waitFor<T>(condition: () => T | Promise<T>, options: WaitOptions<T>): Promise<T> {
  const { description, until = (value: T) => Boolean(value), timeoutMs = 10_000, intervalMs = 100 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (until(value)) return value;
    if (Date.now() + intervalMs > deadline) throw new WaitTimeoutError(description, timeoutMs, value);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
