/** Which root entities exist, checked in bulk (one read per hundred, not one per root). */
export interface RootEntityLookup {
  /** The refs, of those given, of the retailer's root entities of this type that exist. */
  existingRoots(retailerId: string, entityType: string, refs: readonly string[]): Promise<Set<string>>;
}
