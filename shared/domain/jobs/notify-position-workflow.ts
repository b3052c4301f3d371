import type { OrdoEvent } from '../../engine/engine-model';
import type { SettingsReader } from '../../engine/engine-store';
import { STOCK_CHANGES_DRIVE_POSITION_WORKFLOW } from '../settings/setting-catalogue';
import { inParallel } from '../bounded-parallel';
import type { Clock } from '../../ports/clock';
import type { EventQueue } from '../../ports/event-queue';
import type { RootEntityLookup } from '../../ports/root-entity-lookup';
import type { WorkflowRepository } from '../../ports/workflow-repository';
import {
  INVENTORY_CHANGED,
  INVENTORY_POSITION,
  POSITION_SUBTYPE,
  positionRef,
  type InventoryChangedAttributes,
} from '../inventory/position-entity';
import type { CountChange } from './apply-chunk';
import type { BatchChunk } from './batch';

/**
 * Whether a retailer has an INVENTORY_POSITION workflow, per container and account, trusted
 * for a short time (like the engine's "latest workflow"): an upload takes effect within it.
 * Unlike the engine's cache it keeps "no workflow" too, the common case, so chunks of
 * retailers without one cost one read per TTL.
 */
export class WorkflowPresenceCache {
  private readonly entries = new Map<string, { expiresAt: number; present: Promise<boolean> }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 5_000,
  ) {}

  has(retailerId: string, load: () => Promise<boolean>): Promise<boolean> {
    const now = this.clock.now().getTime();
    const cached = this.entries.get(retailerId);
    if (cached && cached.expiresAt > now) return cached.present;
    const entry = { expiresAt: now + this.ttlMs, present: load() };
    // A failed read is not kept: the next chunk asks again.
    entry.present.catch(() => {
      if (this.entries.get(retailerId) === entry) this.entries.delete(retailerId);
    });
    this.entries.set(retailerId, entry);
    return entry.present;
  }
}

export interface PositionWorkflowDeps {
  accountId: string;
  /** The retailer's settings: stock changes drive the workflow only where the retailer turned that on. */
  settings: SettingsReader;
  workflows: Pick<WorkflowRepository, 'get'>;
  roots: RootEntityLookup;
  queue: EventQueue;
  presence: WorkflowPresenceCache;
}

/** Calls in flight at once. */
const PARALLEL = 16;
/** Positions whose events share calls: ten CREATEs, then ten INVENTORY_CHANGED (SQS takes ten a call). */
const POSITIONS_PER_CALL = 10;

/** Event ids fixed by the chunk record, so a repeat of the same chunk runs nothing twice. */
export const positionEventId = (chunk: Pick<BatchChunk, 'batchId' | 'chunk'>, index: number, kind: 'created' | 'changed'): string =>
  `inv-${chunk.batchId}-${chunk.chunk}-${index}-${kind}`;

const eventsFor = (chunk: BatchChunk, retailerId: string, change: CountChange, exists: boolean): OrdoEvent[] => {
  const { skuRef, locationRef, onHand, safetyStock, previousOnHand } = change;
  const ref = positionRef(skuRef, locationRef);
  const base = {
    retailerId,
    entityType: INVENTORY_POSITION,
    entityRef: ref,
    entitySubtype: POSITION_SUBTYPE,
    rootEntityType: INVENTORY_POSITION,
    rootEntityRef: ref,
    source: 'QUEUE' as const,
  };
  const attributes: InventoryChangedAttributes = { skuRef, locationRef, onHand, previousOnHand, safetyStock };
  const changed: OrdoEvent = { ...base, id: positionEventId(chunk, change.index, 'changed'), name: INVENTORY_CHANGED, attributes: { ...attributes } };
  if (exists) return [changed];
  return [{ ...base, id: positionEventId(chunk, change.index, 'created'), name: 'CREATE', attributes: { skuRef, locationRef } }, changed];
};

/**
 * Tells the retailer's INVENTORY_POSITION workflow, if it has one and its
 * `inventory.stockChangesDrivePositionWorkflow` setting is on (off by default), of each position a chunk
 * changed: a CREATE first for a position that is no entity yet, then INVENTORY_CHANGED, on
 * the events FIFO queue (one message group per position, so CREATE runs first). Without a
 * workflow, or for a chunk queued without retailer, it enqueues nothing and writes nothing.
 * Safe to repeat: the event ids are fixed by the chunk record, so the FIFO queue drops a resend
 * within its window and the engine reports a later one as DUPLICATE. A position created by a
 * chunk whose CREATE is still queued gets a second CREATE, which the engine answers NO_MATCH.
 * Returns the number of events enqueued.
 */
export const notifyPositionWorkflow = async (chunk: BatchChunk, changes: readonly CountChange[], deps: PositionWorkflowDeps): Promise<number> => {
  const { retailerId } = chunk;
  if (!retailerId || !changes.length) return 0;
  if ((await deps.settings.valuesFor(retailerId)).get(STOCK_CHANGES_DRIVE_POSITION_WORKFLOW) !== true) return 0;
  const configured = await deps.presence.has(
    retailerId,
    async () => (await deps.workflows.get({ retailerId, entityType: INVENTORY_POSITION, subtype: POSITION_SUBTYPE })) !== undefined,
  );
  if (!configured) return 0;

  const existing = await deps.roots.existingRoots(
    retailerId,
    INVENTORY_POSITION,
    changes.map((change) => positionRef(change.skuRef, change.locationRef)),
  );
  const perPosition = changes.map((change) => eventsFor(chunk, retailerId, change, existing.has(positionRef(change.skuRef, change.locationRef))));
  const messages = (events: OrdoEvent[]) => events.map((event) => ({ accountId: deps.accountId, event }));
  const sends: (() => Promise<void>)[] = [];
  for (let start = 0; start < perPosition.length; start += POSITIONS_PER_CALL) {
    const group = perPosition.slice(start, start + POSITIONS_PER_CALL).flat();
    const created = group.filter((event) => event.name === 'CREATE');
    const changed = group.filter((event) => event.name !== 'CREATE');
    // The changes go out only once every CREATE of the group is queued: SQS may refuse some
    // entries of a call and take the others, and a change must never overtake its CREATE.
    sends.push(async () => {
      if (created.length) await deps.queue.enqueueAll(messages(created));
      await deps.queue.enqueueAll(messages(changed));
    });
  }
  await inParallel(sends, PARALLEL);
  return perPosition.reduce((sum, events) => sum + events.length, 0);
};
