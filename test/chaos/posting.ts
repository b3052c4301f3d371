import type { FaultyLink } from './faulty-link';
import { inPool, pause, type Progress } from './progress';
import type { Post } from './workload';

/** What the API answered the run's posts, for the table. */
export interface PostingCounts {
  /** Posts answered 5xx at least once (the queue was down) and accepted on a later try with the same event id. */
  refusedThenAccepted: number;
  /** Tries answered 5xx, all posts together. */
  refusals: number;
  /** The first 5xx body, to show what an integrator gets back during an outage. */
  firstRefusal?: string;
}

/** The statuses that accept an event: 202 on POST /v1/events, 201 (or 202 when resent) on an async order. */
const ACCEPTED = new Set([201, 202]);
const FIRST_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 1_000;

/**
 * Sends one post as an integrator does: a 5xx means "not taken, try again", so it sends the same event id again,
 * backing off, until the API takes it (the record made by the first try is kept: a resent id is enqueued again)
 * or the run's deadline passes. A 4xx is final. Whether it was accepted.
 */
const sendUntilTaken = async (planned: Post, progress: Progress, counts: PostingCounts): Promise<boolean> => {
  let backoff = FIRST_BACKOFF_MS;
  let refused = false;
  for (;;) {
    const { status, raw } = await planned.send();
    if (ACCEPTED.has(status)) {
      if (refused) counts.refusedThenAccepted++;
      return true;
    }
    if (status < 500 || Date.now() > progress.deadline) return false;
    refused = true;
    counts.refusals++;
    counts.firstRefusal ??= `${status} ${raw}`;
    await pause(backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  }
};

/** `count` waves out of `waves`, evenly spread, none the first. */
export const spread = (count: number, waves: number) => new Set(Array.from({ length: count }, (_, i) => Math.floor(((i + 1) * waves) / (count + 1))));

/** How the waves are posted: so many at once, and the queue outages among them. */
export interface PostingPlan {
  width: number;
  outages: number;
  outageMs: number;
  queueLink: FaultyLink;
  /** Called as each wave starts, before its posts. */
  onWave(wave: number): void;
}

/**
 * Posts the waves in order, `width` at a time within a wave, taking the queue's link down for `outageMs` at the
 * planned waves while posting goes on; what the API accepted, by event id.
 */
export const postWaves = async (waves: Post[][], plan: PostingPlan, progress: Progress, counts: PostingCounts): Promise<Map<string, Post>> => {
  const accepted = new Map<string, Post>();
  const outageWaves = spread(plan.outages, waves.length);
  const outages: Promise<void>[] = [];
  for (const [w, wave] of waves.entries()) {
    if (Date.now() > progress.deadline) break;
    if (outageWaves.has(w)) outages.push(plan.queueLink.outage(plan.outageMs).then(() => progress.moved()));
    plan.onWave(w);
    await inPool(wave, plan.width, async (planned) => {
      if (await sendUntilTaken(planned, progress, counts)) accepted.set(planned.id, planned);
    });
    progress.moved();
  }
  await Promise.all(outages);
  return accepted;
};
