import type { Clock } from '../../ports/clock';
import type { ControlPlaneStore } from '../../ports/control-plane-store';
import type { AccountOrchestration } from './account-orchestration';

/** Due events one account releases in one turn. */
export const SWEEP_PAGE = 100;
/** Most events one account releases in one sweep; the rest wait for the next sweep, a minute later. */
export const SWEEP_ACCOUNT_QUOTA = 1_000;
/**
 * Stock staged this long ago without its commit was abandoned by a crash: far longer than any function runs, so
 * no execution still in flight can be taken back.
 */
export const ABANDONED_STAGING_MS = 15 * 60_000;
/** Time kept back for the turn in flight: a sweep with less left starts no new turn. */
export const SWEEP_TIME_RESERVE_MS = 5_000;

export interface SweepResult {
  released: number;
  accounts: number;
  /** Accounts left with events that may still be due: their quota was used up, or the time ran out. */
  unfinished: number;
  /** Chunks of staged stock taken back because their commit never came. */
  abandonedStock: number;
}

type SweptAccount = Pick<AccountOrchestration, 'scheduled' | 'queue' | 'stagedStock'>;

interface Turn {
  accountId: string;
  account: SweptAccount;
  released: number;
}

/** How one sweep runs. */
export interface SweepInput {
  /** The invocation's remaining time; without it the sweep runs until every account is done or at its quota. */
  timeLeftMs?: () => number;
  /** Told of an account whose events could not be released this time. */
  onAccountError?: (accountId: string, error: unknown) => void;
  page?: number;
  quota?: number;
}

/** What a sweep reads and writes: which accounts exist, each account's scheduled events and queue, the time. */
export interface ScheduledRelease {
  controlPlane: Pick<ControlPlaneStore, 'listAccountIds'>;
  orchestrationOf: (accountId: string) => SweptAccount;
  clock: Clock;
}

/** Each sweep starts one account further on, so a sweep cut short by time never favours the same accounts. */
const inRotation = (accountIds: string[], now: Date): string[] => {
  const first = accountIds.length ? Math.floor(now.getTime() / 60_000) % accountIds.length : 0;
  return [...accountIds.slice(first), ...accountIds.slice(0, first)];
};

/**
 * Moves due scheduled events of every account onto the queue, taking the accounts in turn: each
 * account releases one page a round, up to its quota for the sweep, so one account's backlog
 * cannot keep the others' events waiting. A record is removed only after it was enqueued; if
 * the sweep dies in between, the next sweep enqueues it again and the engine reports the second
 * run as a DUPLICATE. First, each account takes back the stock a crashed execution staged and never committed.
 */
export const releaseScheduledEvents = async (input: SweepInput, context: ScheduledRelease): Promise<SweepResult> => {
  const page = input.page ?? SWEEP_PAGE;
  const quota = input.quota ?? SWEEP_ACCOUNT_QUOTA;
  const now = () => context.clock.now();
  const accountIds = await context.controlPlane.listAccountIds();
  let turns: Turn[] = inRotation(accountIds, now()).map((accountId) => ({
    accountId,
    account: context.orchestrationOf(accountId),
    released: 0,
  }));
  let released = 0;
  let unfinished = 0;
  let abandonedStock = 0;
  const abandonedBefore = () => new Date(now().getTime() - ABANDONED_STAGING_MS).toISOString();
  for (const turn of turns) {
    try {
      abandonedStock += (await turn.account.stagedStock?.takeBackAbandoned(abandonedBefore())) ?? 0;
    } catch (error) {
      input.onAccountError?.(turn.accountId, error);
    }
  }
  while (turns.length) {
    const next: Turn[] = [];
    for (const [index, turn] of turns.entries()) {
      if (input.timeLeftMs && input.timeLeftMs() < SWEEP_TIME_RESERVE_MS) {
        return { released, accounts: accountIds.length, unfinished: unfinished + next.length + turns.length - index, abandonedStock };
      }
      const limit = Math.min(page, quota - turn.released);
      try {
        const due = await turn.account.scheduled.due(now().toISOString(), limit);
        if (due.length) {
          await turn.account.queue.enqueueAll(
            due.map((record) => ({ accountId: turn.accountId, event: { ...record.event, source: 'SCHEDULE' as const } })),
          );
          await turn.account.scheduled.remove(due);
        }
        turn.released += due.length;
        released += due.length;
        if (due.length < limit) continue;
        if (turn.released < quota) next.push(turn);
        else unfinished += 1;
      } catch (error) {
        // One account's trouble (a table still being created) must not hold up the others.
        input.onAccountError?.(turn.accountId, error);
      }
    }
    turns = next;
  }
  return { released, accounts: accountIds.length, unfinished, abandonedStock };
};
