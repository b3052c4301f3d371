import type { Clock } from '../../ports/clock';
import type { SettingReads, StoredSetting } from '../../ports/setting-store';

/**
 * Keeps the values set for each retailer for a few seconds, for rules that read settings in
 * every execution: a changed setting applies to executions that start after the TTL.
 */
export class CachedSettingReads implements SettingReads {
  private readonly cached = new Map<string, { expiresAt: number; stored: Promise<StoredSetting[]> }>();

  constructor(
    private readonly reads: SettingReads,
    private readonly clock: Clock,
    private readonly ttlMs = 5_000,
  ) {}

  list(retailerId?: string): Promise<StoredSetting[]> {
    const key = retailerId ?? '';
    const now = this.clock.now().getTime();
    const hit = this.cached.get(key);
    if (hit && hit.expiresAt > now) return hit.stored;
    const entry = { expiresAt: now + this.ttlMs, stored: this.reads.list(retailerId) };
    // A failed read is not kept: the next execution asks again.
    entry.stored.catch(() => {
      if (this.cached.get(key) === entry) this.cached.delete(key);
    });
    this.cached.set(key, entry);
    return entry.stored;
  }
}
