import type { LoggedEvent } from '../../ports/event-log';
import type { EventFailure } from '../../ports/stuck-event-records';

/** How long an event may stay PENDING before it counts as STUCK, unless settings say otherwise. */
export const DEFAULT_STUCK_AFTER_MINUTES = 15;

/** What makes an event STUCK: `stuckAfterMs` of PENDING since it was received or last re-driven, or a mark from the DLQ. */
export interface StuckPolicy {
  now: Date;
  stuckAfterMs: number;
}

/** Events PENDING since before this time are STUCK. */
export const stuckCutoff = ({ now, stuckAfterMs }: StuckPolicy): string => new Date(now.getTime() - stuckAfterMs).toISOString();

/**
 * When a PENDING event became STUCK, or undefined while it is not: the time its DLQ mark was
 * written, else the threshold's end counted from its receipt or its last re-drive. Computed
 * when read, so no sweeper has to write it.
 */
export const stuckSinceOf = (logged: LoggedEvent, policy: StuckPolicy): string | undefined => {
  if (logged.outcome !== 'PENDING') return undefined;
  if (logged.stuckSince) return logged.stuckSince;
  const waitingSince = Date.parse(logged.redrivenOn ?? logged.receivedOn);
  const stuckAt = waitingSince + policy.stuckAfterMs;
  return stuckAt <= policy.now.getTime() ? new Date(stuckAt).toISOString() : undefined;
};

/** The error's code when it carries one (Ordo's errors do), else its name (the AWS SDK's errors name their kind). */
export const failureCodeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : typeof error;
};

/**
 * The failure to keep on the event record. Ordo's own errors (they carry a code) have messages
 * written to name ids, never customer data; an AWS service's message may quote the request, so
 * it is left out and the function log (which has the request id) is where to look.
 */
export const infrastructureFailureOf = (error: unknown, at: string): EventFailure => {
  const code = failureCodeOf(error);
  const own = typeof (error as { code?: unknown } | undefined)?.code === 'string' && error instanceof Error;
  const message = own ? error.message : `${code} from an AWS service while the event ran; the processQueuedEvents log has the details`;
  return { code, message: message.slice(0, 500), at };
};
