import type { CountChange } from '../../../../shared/domain/jobs/apply-chunk';
import type { BatchChunk } from '../../../../shared/domain/jobs/batch';
import { notifyPositionWorkflow, WorkflowPresenceCache, type PositionWorkflowDeps } from '../../../../shared/domain/jobs/notify-position-workflow';
import type { Workflow, WorkflowKey } from '../../../../shared/engine/workflow';
import type { RootEntityLookup } from '../../../../shared/ports/root-entity-lookup';
import type { QueuedEvent } from '../../../../shared/ports/event-queue';
import { STOCK_CHANGES_DRIVE_POSITION_WORKFLOW } from '../../../../shared/domain/settings/setting-catalogue';
import { ManualClock } from '../../../support/clock';
import { InMemoryEventQueue } from '../../../support/orchestration';

const NOW = new Date('2025-03-14T09:00:00.000Z');

const positionWorkflow: Workflow & { version: number } = {
  retailerId: 'R1',
  entityType: 'INVENTORY_POSITION',
  subtype: 'DEFAULT',
  version: 1,
  statuses: [{ name: 'CREATED' }],
  rulesets: [{ name: 'CREATE', type: 'INVENTORY_POSITION', rules: [] }],
};

/** The workflows of an account, counting the reads. */
class FakeWorkflows {
  reads = 0;
  constructor(readonly stored: (Workflow & { version: number })[] = []) {}

  async get(key: WorkflowKey) {
    this.reads++;
    return this.stored.find((w) => w.retailerId === key.retailerId && w.entityType === key.entityType && w.subtype === key.subtype);
  }
}

/** Root entities of one retailer that exist, by type and ref. */
class FakeRoots implements RootEntityLookup {
  constructor(
    private readonly refs: string[] = [],
    private readonly owner = 'R1',
  ) {}

  async existingRoots(retailerId: string, entityType: string, refs: readonly string[]) {
    const mine = retailerId === this.owner && entityType === 'INVENTORY_POSITION';
    return new Set(mine ? refs.filter((ref) => this.refs.includes(ref)) : []);
  }
}

const deps = (
  options: { workflows?: (Workflow & { version: number })[]; existing?: string[]; existingFor?: string; clock?: ManualClock; driven?: boolean } = {},
) => {
  const workflows = new FakeWorkflows(options.workflows ?? [positionWorkflow]);
  const queue = new InMemoryEventQueue();
  const notify: PositionWorkflowDeps = {
    accountId: 'acme',
    workflows,
    roots: new FakeRoots(options.existing, options.existingFor),
    queue,
    presence: new WorkflowPresenceCache(options.clock ?? new ManualClock(NOW)),
    // The retailer turned the setting on, unless a test says otherwise.
    settings: { valuesFor: async () => new Map([[STOCK_CHANGES_DRIVE_POSITION_WORKFLOW, options.driven ?? true]]) },
  };
  return { notify, queue, workflows };
};

/** A chunk of retailer R1; null for a message queued before chunks carried their retailer. */
const chunk = (retailerId: string | null = 'R1'): BatchChunk => ({
  accountId: 'acme',
  jobId: 'job-1',
  batchId: 'batch-1',
  ...(retailerId === null ? {} : { retailerId }),
  chunk: 2,
  records: [],
});

const change = (index: number, skuRef: string, locationRef: string, onHand: number, previousOnHand: number | null): CountChange => ({
  index,
  skuRef,
  locationRef,
  onHand,
  safetyStock: 1,
  previousOnHand,
});

describe('notifyPositionWorkflow', () => {
  it('enqueues nothing, and reads no workflow, while the retailer has not turned the setting on', async () => {
    // Prepare
    const { notify, queue, workflows } = deps({ driven: false });

    // Act
    const sent = await notifyPositionWorkflow(chunk(), [change(0, 'SKU-1', 'LOC-1', 5, null)], notify);

    // Assess
    expect(sent).toBe(0);
    expect(queue.sent).toEqual([]);
    expect(workflows.reads).toBe(0);
  });

  it('enqueues nothing when the retailer has no INVENTORY_POSITION workflow', async () => {
    // Prepare
    const { notify, queue } = deps({ workflows: [] });

    // Act
    const sent = await notifyPositionWorkflow(chunk(), [change(0, 'SKU-1', 'LOC-1', 5, null)], notify);

    // Assess
    expect(sent).toBe(0);
    expect(queue.sent).toEqual([]);
  });

  it('enqueues nothing, and reads nothing, for a chunk queued without retailer', async () => {
    // Prepare
    const { notify, queue, workflows } = deps();

    // Act
    await notifyPositionWorkflow(chunk(null), [change(0, 'SKU-1', 'LOC-1', 5, null)], notify);

    // Assess
    expect(queue.sent).toEqual([]);
    expect(workflows.reads).toBe(0);
  });

  it('sends CREATE and then INVENTORY_CHANGED for a position that is no entity yet', async () => {
    // Prepare
    const { notify, queue } = deps();

    // Act
    await notifyPositionWorkflow(chunk(), [change(7, 'SKU-1', 'LOC-1', 5, null)], notify);

    // Assess
    const position = {
      retailerId: 'R1',
      entityType: 'INVENTORY_POSITION',
      entityRef: 'SKU-1@LOC-1',
      entitySubtype: 'DEFAULT',
      rootEntityType: 'INVENTORY_POSITION',
      rootEntityRef: 'SKU-1@LOC-1',
      source: 'QUEUE',
    };
    expect(queue.sent.map(({ message }) => message)).toEqual([
      { accountId: 'acme', event: { ...position, id: 'inv-batch-1-2-7-created', name: 'CREATE', attributes: { skuRef: 'SKU-1', locationRef: 'LOC-1' } } },
      {
        accountId: 'acme',
        event: {
          ...position,
          id: 'inv-batch-1-2-7-changed',
          name: 'INVENTORY_CHANGED',
          attributes: { skuRef: 'SKU-1', locationRef: 'LOC-1', onHand: 5, previousOnHand: null, safetyStock: 1 },
        },
      },
    ]);
  });

  it('sends only INVENTORY_CHANGED for a position that is an entity already', async () => {
    // Prepare
    const { notify, queue } = deps({ existing: ['SKU-1@LOC-1'] });

    // Act
    await notifyPositionWorkflow(chunk(), [change(0, 'SKU-1', 'LOC-1', 5, 2)], notify);

    // Assess
    expect(queue.events.map((event) => [event.name, event.attributes?.previousOnHand])).toEqual([['INVENTORY_CHANGED', 2]]);
  });

  it("creates the position for the chunk's retailer even where another retailer has it as an entity", async () => {
    // Prepare
    const { notify, queue } = deps({ existing: ['SKU-1@LOC-1'], existingFor: 'R2' });

    // Act
    await notifyPositionWorkflow(chunk('R1'), [change(0, 'SKU-1', 'LOC-1', 5, 2)], notify);

    // Assess
    expect(queue.events.map((event) => [event.name, event.retailerId])).toEqual([
      ['CREATE', 'R1'],
      ['INVENTORY_CHANGED', 'R1'],
    ]);
  });

  it('puts the events of one position in that position\'s own message group', async () => {
    // Prepare
    const { notify, queue } = deps();

    // Act
    await notifyPositionWorkflow(chunk(), [change(0, 'SKU-1', 'LOC-1', 5, null), change(1, 'SKU-2', 'LOC-1', 3, null)], notify);

    // Assess
    expect(queue.sent.map(({ groupId, message }) => [groupId, message.event.name])).toEqual(
      expect.arrayContaining([
        ['acme#R1#INVENTORY_POSITION#SKU-1@LOC-1', 'CREATE'],
        ['acme#R1#INVENTORY_POSITION#SKU-1@LOC-1', 'INVENTORY_CHANGED'],
        ['acme#R1#INVENTORY_POSITION#SKU-2@LOC-1', 'CREATE'],
        ['acme#R1#INVENTORY_POSITION#SKU-2@LOC-1', 'INVENTORY_CHANGED'],
      ]),
    );
    const sku1 = queue.events.filter((event) => event.entityRef === 'SKU-1@LOC-1').map((event) => event.name);
    expect(sku1).toEqual(['CREATE', 'INVENTORY_CHANGED']);
  });

  it('sends the 24 events of 12 new positions in four calls of at most 10, each CREATE before its change', async () => {
    // Prepare
    const { notify, queue } = deps();
    const changes = Array.from({ length: 12 }, (_, i) => change(i, `SKU-${i}`, 'LOC-1', 5, null));

    // Act
    await notifyPositionWorkflow(chunk(), changes, notify);

    // Assess
    expect([...queue.calls].sort((a, b) => a - b)).toEqual([2, 2, 10, 10]);
    for (let i = 0; i < 12; i++) {
      expect(queue.events.filter((event) => event.entityRef === `SKU-${i}@LOC-1`).map((event) => event.name)).toEqual(['CREATE', 'INVENTORY_CHANGED']);
    }
  });

  it('sends no change of a group when the queue refused one of the group’s CREATEs', async () => {
    // Prepare
    const { notify, queue } = deps();
    const changes = Array.from({ length: 3 }, (_, i) => change(i, `SKU-${i}`, 'LOC-1', 5, null));
    // SQS refuses the first entry of the call and takes the others
    jest.spyOn(queue, 'enqueueAll').mockImplementationOnce(async (messages) => {
      for (const message of messages.slice(1)) await queue.enqueue(message as QueuedEvent);
      throw new Error(`1 of ${messages.length} events were not queued`);
    });

    // Act
    const notified = notifyPositionWorkflow(chunk(), changes, notify);

    // Assess
    await expect(notified).rejects.toThrow('events were not queued');
    expect(queue.events.map((event) => event.name)).not.toContain('INVENTORY_CHANGED');
  });

  it('gives the same event ids when the same chunk is notified again', async () => {
    // Prepare
    const { notify, queue } = deps();
    const changes = [change(0, 'SKU-1', 'LOC-1', 5, null), change(1, 'SKU-2', 'LOC-1', 3, null)];
    await notifyPositionWorkflow(chunk(), changes, notify);
    const first = queue.sent.map(({ deduplicationId }) => deduplicationId);
    queue.sent.length = 0;

    // Act
    await notifyPositionWorkflow(chunk(), changes, notify);

    // Assess
    expect(queue.sent.map(({ deduplicationId }) => deduplicationId).sort()).toEqual([...first].sort());
    expect(first.sort()).toEqual(['acme#R1#inv-batch-1-2-0-changed', 'acme#R1#inv-batch-1-2-0-created', 'acme#R1#inv-batch-1-2-1-changed', 'acme#R1#inv-batch-1-2-1-created']);
  });

  it('asks for the workflow once per retailer while the cached answer is fresh', async () => {
    // Prepare
    const clock = new ManualClock(NOW);
    const { notify, workflows } = deps({ workflows: [], clock });
    await notifyPositionWorkflow(chunk(), [change(0, 'SKU-1', 'LOC-1', 5, null)], notify);

    // Act
    await notifyPositionWorkflow(chunk(), [change(1, 'SKU-2', 'LOC-1', 5, null)], notify);

    // Assess
    expect(workflows.reads).toBe(1);
  });

  it('asks for the workflow again once the cached answer is 5 s old', async () => {
    // Prepare
    const clock = new ManualClock(NOW);
    const { notify, workflows } = deps({ workflows: [], clock });
    await notifyPositionWorkflow(chunk(), [change(0, 'SKU-1', 'LOC-1', 5, null)], notify);
    clock.set(new Date(NOW.getTime() + 5_000));

    // Act
    await notifyPositionWorkflow(chunk(), [change(1, 'SKU-2', 'LOC-1', 5, null)], notify);

    // Assess
    expect(workflows.reads).toBe(2);
  });
});
