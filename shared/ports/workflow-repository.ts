import type { Workflow, WorkflowKey } from '../engine/workflow';

/** One stored version of a workflow, without its body. */
export interface WorkflowVersionEntry extends WorkflowKey {
  version: number;
  createdOn: string;
}

/** Versioned workflows of one account. A stored version never changes. */
export interface WorkflowRepository {
  /** Stores the workflow as the next version of its key and returns that version. */
  saveNewVersion(workflow: Workflow, createdOn: string): Promise<number>;
  get(key: WorkflowKey, version?: number): Promise<(Workflow & { version: number }) | undefined>;
  /** Every stored version of every workflow (of one retailer when given), in no particular order. */
  listVersions(retailerId?: string): Promise<WorkflowVersionEntry[]>;
}
