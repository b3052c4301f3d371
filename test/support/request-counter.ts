import type { RateWindow } from '../../shared/domain/accounts/request-rate';
import type { AccountRateLimits } from '../../shared/ports/account-rate-limits';
import type { RequestCounter } from '../../shared/ports/request-counter';

/** Counts in memory, per account and window, as the DynamoDB counter does; `failWith` makes every count throw. */
export class InMemoryRequestCounter implements RequestCounter {
  readonly counts = new Map<string, number>();
  failWith?: Error;

  async countWithin(accountId: string, window: RateWindow, limit: number): Promise<boolean> {
    if (this.failWith) throw this.failWith;
    const key = `${accountId}@${window.startsAt}`;
    const counted = this.counts.get(key) ?? 0;
    if (counted >= limit) return false;
    this.counts.set(key, counted + 1);
    return true;
  }
}

/** Accounts' own limits, in a map the test fills; `failWith` makes every read throw. */
export class InMemoryAccountRateLimits implements AccountRateLimits {
  readonly limits = new Map<string, number>();
  failWith?: Error;

  async limitOf(accountId: string): Promise<number | undefined> {
    if (this.failWith) throw this.failWith;
    return this.limits.get(accountId);
  }
}
