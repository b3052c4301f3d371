const MAX_ATTEMPTS = 8;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a batch, then what DynamoDB left unprocessed, with exponential backoff and jitter as
 * AWS advises for throttled batches, until nothing is left or 8 attempts have failed.
 * `send` answers the unprocessed part. Returns the number of calls made.
 */
export const untilProcessed = async <T>(
  batch: T[],
  send: (pending: T[]) => Promise<T[]>,
  stuck: (count: number, attempts: number) => string,
): Promise<number> => {
  let pending = batch;
  let calls = 0;
  for (let attempt = 0; pending.length; attempt++) {
    if (attempt >= MAX_ATTEMPTS) throw new Error(stuck(pending.length, MAX_ATTEMPTS));
    if (attempt > 0) await pause(Math.random() * 25 * 2 ** attempt);
    pending = await send(pending);
    calls++;
  }
  return calls;
};

export const groupsOf = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
