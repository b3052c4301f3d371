/**
 * Which retailers of one account hold a root entity ref or an event id. Refs and event ids
 * are unique per retailer only, so a key that reads by ref without naming its retailer
 * learns here where to look. Read consistently: a ref is claimed in the transaction that
 * creates its root, an event id with its event record.
 */
export interface RetailerClaims {
  /** Sorted, without repeats; empty when no retailer has such a root. */
  retailersOfRoot(rootEntityType: string, rootRef: string): Promise<string[]>;
  /** Sorted, without repeats; empty when no retailer has an event of this id. */
  retailersOfEvent(eventId: string): Promise<string[]>;
}
