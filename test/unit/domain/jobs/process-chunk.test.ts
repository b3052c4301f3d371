import { processChunk, type ChunkProcessing } from '../../../../shared/domain/jobs/process-chunk';
import type { BatchChunk } from '../../../../shared/domain/jobs/batch';
import { WorkflowPresenceCache } from '../../../../shared/domain/jobs/notify-position-workflow';
import { fakeJobDeps, JOBS_NOW } from '../../../support/jobs';
import { RecordingMetrics } from '../../../support/metrics';
import { InMemoryEventQueue } from '../../../support/orchestration';

const chunk = (records: BatchChunk['records']): string => JSON.stringify({ accountId: 'acme', jobId: 'job-1', batchId: 'batch-1', chunk: 1, records });

/** A chunk's processing over in-memory stores, for a retailer without an INVENTORY_POSITION workflow. */
const processing = () => {
  const deps = fakeJobDeps({ locations: ['LOC-1'], counts: [{ skuRef: 'SKU-1', locationRef: 'LOC-1', onHand: 3, safetyStock: 0, updatedOn: JOBS_NOW.toISOString() }] });
  const metrics = new RecordingMetrics();
  const parts: ChunkProcessing = {
    jobs: () => deps,
    positionWorkflow: (accountId) => ({
      accountId,
      workflows: { get: async () => undefined },
      roots: { existingRoots: async () => new Set<string>() },
      queue: new InMemoryEventQueue(),
      presence: new WorkflowPresenceCache(deps.clock),
      settings: { valuesFor: async () => new Map() },
    }),
    metrics: () => metrics,
  };
  return { parts, metrics };
};

describe('processChunk', () => {
  it('counts the records it applied, left unchanged and refused', async () => {
    // Prepare
    const { parts, metrics } = processing();

    // Act
    await processChunk(
      chunk([
        [0, 'SKU-1', 'LOC-1', 3, null],
        [1, 'SKU-2', 'LOC-1', 4, null],
        [2, 'SKU-3', 'NOWHERE', 1, null],
      ]),
      parts,
    );

    // Assess
    expect(metrics.chunks).toEqual([{ applied: 1, unchanged: 1, failed: 1 }]);
  });

  it('counts nothing again for a redelivered chunk whose result is stored', async () => {
    // Prepare
    const { parts, metrics } = processing();
    const body = chunk([[0, 'SKU-2', 'LOC-1', 4, null]]);
    await processChunk(body, parts);

    // Act
    const again = await processChunk(body, parts);

    // Assess
    expect(again.redelivered).toBe(true);
    expect(metrics.chunks).toHaveLength(1);
  });
});
