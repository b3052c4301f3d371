import { WorkflowNotFoundError } from './engine-errors';
import type { Entity, OrdoEvent } from './engine-model';
import type { EngineStore } from './engine-store';
import type { ExecutionError } from './execution-outcome';
import { CREATE_EVENT, DEFAULT_SUBTYPE, WORKFLOW_LIMITS, type Workflow, type WorkflowKey } from './workflow';
import type { WorkflowCache, WorkflowLoader } from './workflow-cache';

export const DEFAULT_LOOP_GUARD = 200;

/** The workflow to run, or why there is none: NO_MATCH for a root that does not exist, FAILED for a missing workflow. */
export type WorkflowLookup = { workflow: Workflow } | { outcome: 'NO_MATCH' | 'FAILED'; error: ExecutionError };

/**
 * A workflow's own loop guard wins over the engine's, up to WORKFLOW_LIMITS.loopGuard: uploads
 * are refused above it, and a version stored before the cap existed is held to it as well.
 */
export const loopGuardOf = (workflow: Workflow, engineDefault: number | undefined): number => {
  const own = workflow.settings?.loopGuard;
  return own === undefined ? (engineDefault ?? DEFAULT_LOOP_GUARD) : Math.min(own, WORKFLOW_LIMITS.loopGuard);
};

/**
 * The workflow an event's root runs: the version the root is pinned to, or the latest for the
 * CREATE of a new root. Read through the cache, so a warm container reads no workflow at all.
 */
export class RootWorkflows {
  private readonly load: WorkflowLoader;

  constructor(
    private readonly cache: WorkflowCache,
    store: Pick<EngineStore, 'loadWorkflow'>,
  ) {
    this.load = (key, version) => store.loadWorkflow(key, version);
  }

  async exists(key: WorkflowKey): Promise<boolean> {
    return (await this.cache.get(key, undefined, this.load)) !== undefined;
  }

  /** A draft replaces the stored workflow, once the root is known to exist or be created by this event. */
  async forEvent(event: OrdoEvent, root: Entity | undefined, rootEntityType: string, rootRef: string, draft?: Workflow): Promise<WorkflowLookup> {
    let key: WorkflowKey;
    let version: number | undefined;
    if (root && root.retailerId === event.retailerId) {
      key = { retailerId: root.retailerId, entityType: rootEntityType, subtype: root.subtype };
      version = root.workflowVersion;
    } else if (!root && event.name === CREATE_EVENT && event.entityType === rootEntityType && event.entityRef === rootRef) {
      key = { retailerId: event.retailerId, entityType: rootEntityType, subtype: event.entitySubtype ?? DEFAULT_SUBTYPE };
    } else {
      return {
        outcome: 'NO_MATCH',
        error: { code: 'ENTITY_NOT_FOUND', message: `${rootEntityType} ${rootRef} does not exist for retailer ${event.retailerId}` },
      };
    }
    if (draft) return { workflow: draft };
    const workflow = await this.cache.get(key, version, this.load);
    if (!workflow) {
      const notFound = new WorkflowNotFoundError(key, version);
      return { outcome: 'FAILED', error: { code: notFound.code, message: notFound.message } };
    }
    return { workflow };
  }
}
