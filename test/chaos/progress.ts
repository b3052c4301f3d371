/**
 * Nothing moved on any queue or stream this long (past the 1 s visibility timeout of what a crash left and the 1 s
 * between webhook attempts) before the run calls itself settled.
 */
export const SETTLED_AFTER_MS = 2_500;

/** How long a loop waits, by default, after a round that found nothing to do. */
const IDLE_MS = 25;
/** How long a loop waits after a round that failed. */
const FAILED_PAUSE_MS = 100;

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When anything last moved, and whether the run is still posting; shared by the loops. */
export class Progress {
  lastMoved = Date.now();
  posting = true;
  /** Rounds of a loop that threw (a queue outage, a throttled call): counted, and the loop goes on. */
  roundsFailed = 0;

  constructor(readonly deadline: number) {}

  moved(): void {
    this.lastMoved = Date.now();
  }

  get settled(): boolean {
    return !this.posting && Date.now() - this.lastMoved > SETTLED_AFTER_MS;
  }

  get over(): boolean {
    return this.settled || Date.now() > this.deadline;
  }
}

/**
 * Runs a round again and again until the run settles or its deadline passes; a round that moved something says so.
 * A round that throws is what a consumer meets in an outage: it is counted, is not a quiet queue, and the loop goes on.
 */
export const loop = async (progress: Progress, round: () => Promise<boolean>, idleMs = IDLE_MS): Promise<void> => {
  while (!progress.over) {
    const moved = await round().then(
      (result) => result,
      () => {
        progress.roundsFailed++;
        return undefined;
      },
    );
    if (moved !== false) progress.moved();
    // After a failure as after a quiet round: a consumer does not hammer a service that is down.
    if (moved !== true) await pause(moved === undefined ? FAILED_PAUSE_MS : idleMs);
  }
};

/** Runs `work` over the items, `width` at a time. */
export const inPool = async <T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
};
