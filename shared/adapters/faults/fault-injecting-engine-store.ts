import type { EventRecord, UnitOfWork } from '../../engine/engine-model';
import type { EngineStore } from '../../engine/engine-store';
import type { Workflow, WorkflowKey } from '../../engine/workflow';
import type { PlannedFaults } from './planned-faults';

/** The engine's store with planned faults at its boundaries: `engine.commit` fails a commit before it is written. */
export class FaultInjectingEngineStore implements EngineStore {
  constructor(
    private readonly inner: EngineStore,
    private readonly faults: PlannedFaults,
  ) {}

  loadRoot(retailerId: string, rootEntityType: string, rootRef: string) {
    return this.inner.loadRoot(retailerId, rootEntityType, rootRef);
  }

  loadWorkflow(key: WorkflowKey, version?: number): Promise<Workflow | undefined> {
    return this.inner.loadWorkflow(key, version);
  }

  async commit(uow: UnitOfWork): Promise<void> {
    this.faults.check('engine.commit', { eventName: uow.event.event.name });
    await this.inner.commit(uow);
  }

  getEvent(retailerId: string, eventId: string): Promise<EventRecord | undefined> {
    return this.inner.getEvent(retailerId, eventId);
  }
}
