import type { RetailerRecord } from '../domain/retailers/retailer';

/** The retailers registered in one account. */
export interface RetailerRegistry {
  /**
   * Registers the retailer, or renames it when it is there already: `createdOn` of a
   * registered retailer is kept. Answers the record as stored and whether it was new.
   */
  register(retailer: Omit<RetailerRecord, 'createdOn'>): Promise<{ retailer: RetailerRecord; created: boolean }>;
  get(retailerId: string): Promise<RetailerRecord | undefined>;
  /** Every registered retailer, by retailerId. */
  list(): Promise<RetailerRecord[]>;
}
