/** The rate limits the operator set for single accounts. */
export interface AccountRateLimits {
  /** The account's own limit in requests a second; undefined when it has none and the default applies. */
  limitOf(accountId: string): Promise<number | undefined>;
}
