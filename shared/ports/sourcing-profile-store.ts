import type { SourcingProfile } from '../domain/sourcing/sourcing-model';

/** Sourcing profiles of one account, one per retailer. */
export interface SourcingProfileStore {
  put(retailerId: string, profile: SourcingProfile): Promise<void>;
  get(retailerId: string): Promise<SourcingProfile | undefined>;
  /** Stores the profile unless the retailer has one already; true when it was stored. */
  putIfAbsent(retailerId: string, profile: SourcingProfile): Promise<boolean>;
}
