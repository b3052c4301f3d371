/** Which root entities exist, checked in bulk (one read per hundred, not one per root). */
export interface RootEntityLookup {
  /** The refs, of those given, of root entities of this type that exist. */
  existingRoots(entityType: string, refs: readonly string[]): Promise<Set<string>>;
}
