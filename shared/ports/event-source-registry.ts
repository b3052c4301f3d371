/**
 * Which account owns an EventBridge `source`. Bus events carry no API key, so the
 * account of an incoming bus event is the one that registered its source, never a
 * field of the event itself.
 */
export interface EventSourceRegistry {
  /** Throws ConflictError when another account holds the source. Idempotent for the owner. */
  claim(source: string, accountId: string, claimedOn: string): Promise<void>;
  ownerOf(source: string): Promise<string | undefined>;
  listFor(accountId: string): Promise<{ source: string; claimedOn: string }[]>;
  release(source: string, accountId: string): Promise<boolean>;
}
