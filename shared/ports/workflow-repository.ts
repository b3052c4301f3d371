import type { Workflow, WorkflowKey } from '../engine/workflow';

/** Versioned workflows of one account. A stored version never changes. */
export interface WorkflowRepository {
  /** Stores the workflow as the next version of its key and returns that version. */
  saveNewVersion(workflow: Workflow, createdOn: string): Promise<number>;
  get(key: WorkflowKey, version?: number): Promise<(Workflow & { version: number }) | undefined>;
}
