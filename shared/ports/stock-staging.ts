/**
 * Stock written ahead of a commit too large for one transaction (see shared/engine/README.md, "The transaction
 * limit"). The commit keeps it, or the execution takes it back when it fails; this finds what a crash left between.
 */
export interface StagedStock {
  /** Takes back the chunks staged before `before` whose commit never came; answers how many it found. */
  takeBackAbandoned(before: string): Promise<number>;
}
