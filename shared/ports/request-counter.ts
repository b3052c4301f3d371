import type { RateWindow } from '../domain/accounts/request-rate';

/** Counts each account's requests per window, exactly, across every container. */
export interface RequestCounter {
  /**
   * Counts one request of the account in the window, unless `limit` requests are counted there
   * already: false then, and nothing is counted.
   */
  countWithin(accountId: string, window: RateWindow, limit: number): Promise<boolean>;
}
