/** An EventBridge `source` claimed by an account, and whom its bus events may speak for. */
export interface EventSourceRegistration {
  source: string;
  accountId: string;
  /** The AWS account whose bus events are accepted for this source; any other is dropped. */
  awsAccountId: string;
  /** Set when a retailer-scoped key registered it: its events act for this retailer only. */
  retailerId?: string;
  claimedOn: string;
}

/** Which retailers of its account a caller may see: all, or one. */
export interface RetailerScope {
  retailerId?: string;
}

/**
 * Which account owns an EventBridge `source`. Bus events carry no API key, so the
 * account of an incoming bus event is the one that registered its source, never a
 * field of the event itself.
 */
export interface EventSourceRegistry {
  /**
   * Throws ConflictError when another account holds the source, or, for a retailer-scoped
   * claimant, when the source is not bound to the claimant's retailer. The account's unscoped
   * keys may register any source of the account again (replacing its binding).
   */
  claim(registration: EventSourceRegistration, claimant: RetailerScope): Promise<void>;
  registrationOf(source: string): Promise<EventSourceRegistration | undefined>;
  /** The account's sources, only those bound to the scope's retailer when it names one. */
  listFor(accountId: string, scope: RetailerScope): Promise<EventSourceRegistration[]>;
  /** False when the account holds no such source, or it is not bound to the scope's retailer. */
  release(source: string, accountId: string, scope: RetailerScope): Promise<boolean>;
}
