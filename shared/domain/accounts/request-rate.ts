import type { Clock } from '../../ports/clock';
import type { AccountRateLimits } from '../../ports/account-rate-limits';
import type { RequestCounter } from '../../ports/request-counter';
import { RateLimitedError } from '../domain-errors';
import type { AccountPrincipal } from './principal';

/** Requests are counted in fixed windows of one second, per account. */
export const RATE_WINDOW_MS = 1_000;

/** How long a window's counter outlives it before DynamoDB's TTL may delete it. */
const COUNTER_KEPT_MS = 60_000;

/** One counting window: when it starts, how long a refused caller waits for the next, when its counter may go. */
export interface RateWindow {
  /** Epoch milliseconds, a multiple of RATE_WINDOW_MS. */
  startsAt: number;
  /** Whole seconds from now to the next window: what `Retry-After` says. */
  retryAfterSeconds: number;
  /** Epoch seconds, for the counter's TTL. */
  expiresAt: number;
}

export const rateWindowAt = (now: Date): RateWindow => {
  const at = now.getTime();
  const startsAt = Math.floor(at / RATE_WINDOW_MS) * RATE_WINDOW_MS;
  const endsAt = startsAt + RATE_WINDOW_MS;
  return {
    startsAt,
    retryAfterSeconds: Math.max(1, Math.ceil((endsAt - at) / 1_000)),
    expiresAt: Math.ceil((endsAt + COUNTER_KEPT_MS) / 1_000),
  };
};

/** Lets an authenticated request go on, or refuses it with RateLimitedError. */
export type RequestAdmission = (principal: AccountPrincipal) => Promise<void>;

export interface RequestRateDeps {
  counter: RequestCounter;
  /** Accounts' own limits, which win over the default. */
  limits: AccountRateLimits;
  clock: Clock;
  /** Requests per second an account may make unless the operator set its own; 0 switches every limit off. */
  defaultLimit: number;
  /** Told when the limit could not be read or the counter written; the request goes on regardless. */
  onCounterFailure: (error: unknown, accountId: string) => void;
}

/**
 * Counts the request against its account's limit for the current second. The limit protects the
 * stage's capacity, it guards no data: when the counter's store fails, the request goes on (and
 * is logged) rather than every tenant being refused for a counter. A request that needs DynamoDB
 * fails on its own should DynamoDB really be down.
 */
export const admitRequest = async (accountId: string, deps: RequestRateDeps): Promise<void> => {
  if (deps.defaultLimit <= 0) return;
  const window = rateWindowAt(deps.clock.now());
  let limit = deps.defaultLimit;
  let admitted: boolean;
  try {
    limit = (await deps.limits.limitOf(accountId)) ?? deps.defaultLimit;
    admitted = await deps.counter.countWithin(accountId, window, limit);
  } catch (error) {
    deps.onCounterFailure(error, accountId);
    return;
  }
  if (!admitted) throw new RateLimitedError(limit, window.retryAfterSeconds);
};
