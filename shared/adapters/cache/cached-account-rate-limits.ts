import type { AccountRateLimits } from '../../ports/account-rate-limits';
import type { Clock } from '../../ports/clock';
import type { ControlPlaneStore } from '../../ports/control-plane-store';

/**
 * Keeps each account's own rate limit for a minute. Every request needs it, and it changes when
 * the operator says so, rarely: one read per account per container per minute instead of one per
 * request, at the cost of a new limit taking up to a minute to hold everywhere.
 */
export class CachedAccountRateLimits implements AccountRateLimits {
  private readonly cached = new Map<string, { expiresAt: number; limit: Promise<number | undefined> }>();

  constructor(
    private readonly controlPlane: Pick<ControlPlaneStore, 'getAccountRateLimit'>,
    private readonly clock: Clock,
    private readonly ttlMs = 60_000,
  ) {}

  limitOf(accountId: string): Promise<number | undefined> {
    const now = this.clock.now().getTime();
    const entry = this.cached.get(accountId);
    if (entry && entry.expiresAt > now) return entry.limit;
    const limit = this.controlPlane.getAccountRateLimit(accountId);
    this.cached.set(accountId, { expiresAt: now + this.ttlMs, limit });
    // A failed read is not kept: the next request asks again.
    limit.catch(() => this.cached.delete(accountId));
    return limit;
  }
}
