import { NotFoundError } from '../../../../shared/domain/domain-errors';
import { applyChunk } from '../../../../shared/domain/jobs/apply-chunk';
import type { BatchInput } from '../../../../shared/domain/jobs/batch';
import { createJob, getBatch, getJob } from '../../../../shared/domain/jobs/manage-jobs';
import { submitBatch } from '../../../../shared/domain/jobs/submit-batch';
import { fakeJobDeps, type FakeJobDeps } from '../../../support/jobs';

const R1_KEY = { accountId: 'acme', retailerId: 'R1' };
const R2_KEY = { accountId: 'acme', retailerId: 'R2' };

const batchAt = (...locationRefs: string[]): BatchInput => ({
  entityType: 'INVENTORY',
  action: 'UPSERT',
  entities: locationRefs.map((locationRef, i) => ({ skuRef: `SKU-${i}`, locationRef, qty: 5 })),
});

describe('jobs and batches of a retailer', () => {
  let deps: FakeJobDeps;
  let jobId: string;

  beforeEach(async () => {
    deps = fakeJobDeps({ locations: ['SHARED'] });
    await deps.locations.put({ ...(await deps.locations.get('SHARED'))!, ref: 'R1-STORE', retailerId: 'R1' });
    ({ jobId } = await createJob({ name: 'R1 stock' }, R1_KEY, deps));
  });

  it("hides a retailer's job from a key scoped to another retailer, as if it did not exist", async () => {
    // Act
    const read = getJob({ jobId }, R2_KEY, deps);

    // Assess
    await expect(read).rejects.toBeInstanceOf(NotFoundError);
  });

  it("shows a retailer's job to a key of the whole account", async () => {
    // Act
    const job = await getJob({ jobId }, {}, deps);

    // Assess
    expect(job).toMatchObject({ jobId, retailerId: 'R1' });
  });

  it("answers 404 to a key of another retailer that sends a batch to the job, and queues nothing", async () => {
    // Act
    const sent = submitBatch({ jobId, batch: batchAt('R1-STORE') }, R2_KEY, deps);

    // Assess
    await expect(sent).rejects.toBeInstanceOf(NotFoundError);
    expect(deps.queue.chunks).toEqual([]);
    expect(deps.jobs.batches.size).toBe(0);
  });

  it("hides a retailer's batch from a key scoped to another retailer", async () => {
    // Prepare
    const { batchId } = await submitBatch({ jobId, batch: batchAt('R1-STORE') }, R1_KEY, deps);

    // Act
    const read = getBatch({ jobId, batchId }, R2_KEY, deps);

    // Assess
    await expect(read).rejects.toBeInstanceOf(NotFoundError);
  });

  it('writes the stock of locations the scoped key owns, and refuses shared ones record by record', async () => {
    // Prepare
    await submitBatch({ jobId, batch: batchAt('R1-STORE', 'SHARED') }, R1_KEY, deps);
    const [chunk] = deps.queue.chunks;

    // Act
    const { result } = await applyChunk(chunk!, deps);

    // Assess
    expect(result).toMatchObject({ applied: 1, failed: 1 });
    expect(result.errors).toEqual([expect.objectContaining({ index: 1, locationRef: 'SHARED', code: 'LOCATION_NOT_OWNED' })]);
    expect([...deps.counts.counts.values()].map((count) => count.locationRef)).toEqual(['R1-STORE']);
  });

  it('writes shared locations for a batch sent with a key of the whole account', async () => {
    // Prepare
    await submitBatch({ jobId, batch: batchAt('R1-STORE', 'SHARED') }, { accountId: 'acme' }, deps);
    const [chunk] = deps.queue.chunks;

    // Act
    const { result } = await applyChunk(chunk!, deps);

    // Assess
    expect(result).toMatchObject({ applied: 2, failed: 0 });
  });
});
