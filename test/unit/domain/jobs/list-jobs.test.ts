import { applyChunk } from '../../../../shared/domain/jobs/apply-chunk';
import type { BatchInput } from '../../../../shared/domain/jobs/batch';
import { createJob, getJob, listJobs } from '../../../../shared/domain/jobs/manage-jobs';
import { submitBatch } from '../../../../shared/domain/jobs/submit-batch';
import { fakeJobDeps, type FakeJobDeps } from '../../../support/jobs';

const ACCOUNT_KEY: { accountId: string; retailerId?: string } = { accountId: 'acme' };
const R1_KEY = { accountId: 'acme', retailerId: 'R1' };

/** Records at the given locations; an unknown location fails its record when the chunk runs. */
const batchAt = (...locationRefs: string[]): BatchInput => ({
  entityType: 'INVENTORY',
  action: 'UPSERT',
  entities: locationRefs.map((locationRef, i) => ({ skuRef: `SKU-${i}`, locationRef, qty: 5 })),
});

describe('listJobs', () => {
  let deps: FakeJobDeps;

  beforeEach(() => {
    deps = fakeJobDeps({ locations: ['STORE'] });
  });

  const jobAt = async (name: string, retailerId: string) => {
    const job = await createJob({ name, retailerId }, ACCOUNT_KEY, deps);
    deps.clock.advance(60_000);
    return job;
  };

  it('lists the jobs newest first', async () => {
    // Prepare
    await jobAt('first', 'R1');
    await jobAt('second', 'R1');

    // Act
    const { items } = await listJobs({ limit: 25 }, ACCOUNT_KEY, deps);

    // Assess
    expect(items.map((job) => job.name)).toEqual(['second', 'first']);
  });

  it('sums the counts over the batches as GET /v1/jobs/{jobId} does, and counts the batches', async () => {
    // Prepare
    const { jobId } = await jobAt('stock', 'R1');
    await submitBatch({ jobId, batch: batchAt('STORE', 'NOWHERE') }, ACCOUNT_KEY, deps);
    await submitBatch({ jobId, batch: { ...batchAt('STORE'), entities: [{ skuRef: '', locationRef: 'STORE', qty: -1 }] } }, ACCOUNT_KEY, deps);
    for (const chunk of deps.queue.chunks) await applyChunk(chunk, deps);
    const { errors: _errors, batches: _batches, ...expected } = await getJob({ jobId }, ACCOUNT_KEY, deps);

    // Act
    const { items } = await listJobs({ limit: 25 }, ACCOUNT_KEY, deps);

    // Assess
    expect(items).toEqual([{ ...expected, batchCount: 2 }]);
    expect(expected).toMatchObject({ total: 3, applied: 1, failed: 2 });
  });

  it("shows a retailer-scoped key its own retailer's jobs only", async () => {
    // Prepare
    await jobAt('ours', 'R1');
    await jobAt('theirs', 'R2');

    // Act
    const { items } = await listJobs({ limit: 25 }, R1_KEY, deps);

    // Assess
    expect(items.map((job) => job.name)).toEqual(['ours']);
  });

  it('lists nothing to a retailer-scoped key that names another retailer', async () => {
    // Prepare
    await jobAt('theirs', 'R2');

    // Act
    const { items } = await listJobs({ retailerId: 'R2', limit: 25 }, R1_KEY, deps);

    // Assess
    expect(items).toEqual([]);
  });

  it('answers a cursor while more jobs follow the page', async () => {
    // Prepare
    for (const name of ['a', 'b', 'c']) await jobAt(name, 'R1');

    // Act
    const first = await listJobs({ limit: 2 }, ACCOUNT_KEY, deps);
    const second = await listJobs({ limit: 2, cursor: first.cursor }, ACCOUNT_KEY, deps);

    // Assess
    expect([...first.items, ...second.items].map((job) => job.name)).toEqual(['c', 'b', 'a']);
    expect(second).not.toHaveProperty('cursor');
  });
});
