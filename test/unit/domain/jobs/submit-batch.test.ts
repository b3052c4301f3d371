import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  ValidationError,
} from '../../../../shared/domain/domain-errors';
import { applyChunk } from '../../../../shared/domain/jobs/apply-chunk';
import type { BatchChunk, BatchInput, RecordError } from '../../../../shared/domain/jobs/batch';
import { createJob, getBatch } from '../../../../shared/domain/jobs/manage-jobs';
import { submitBatch } from '../../../../shared/domain/jobs/submit-batch';
import { fakeJobDeps, JOBS_NOW, type FakeJobDeps } from '../../../support/jobs';

const ACCOUNT = { accountId: 'acme' };

const entities = (count: number) => Array.from({ length: count }, (_, i) => ({ skuRef: `SKU-${i}`, locationRef: 'LOC-1', qty: i }));

const batchOf = (records: unknown[]): BatchInput => ({ entityType: 'INVENTORY', action: 'UPSERT', entities: records });

const hoursAfter = (start: Date, hours: number) => new Date(start.getTime() + hours * 3_600_000);

describe('submitBatch', () => {
  let deps: FakeJobDeps;
  let jobId: string;

  beforeEach(async () => {
    deps = fakeJobDeps();
    ({ jobId } = await createJob({ name: 'Nightly stock', retailerId: 'R1' }, {}, deps));
    deps.journal.length = 0;
  });

  it('refuses 5,001 records with a 413 that names the limit of 5,000', async () => {
    // Act
    const submitted = submitBatch({ jobId, batch: batchOf(entities(5001)) }, ACCOUNT, deps);

    // Assess
    await expect(submitted).rejects.toBeInstanceOf(PayloadTooLargeError);
    await expect(submitted).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('5,000') });
  });

  it('stores and queues nothing for a batch of 5,001 records', async () => {
    // Act
    await submitBatch({ jobId, batch: batchOf(entities(5001)) }, ACCOUNT, deps).catch(() => undefined);

    // Assess
    expect(deps.jobs.batches.size).toBe(0);
    expect(deps.queue.chunks).toEqual([]);
    expect(deps.journal).toEqual([]);
  });

  it('accepts exactly 5,000 records', async () => {
    // Act
    const accepted = await submitBatch({ jobId, batch: batchOf(entities(5000)) }, ACCOUNT, deps);

    // Assess
    expect(accepted).toMatchObject({ status: 'PENDING', total: 5000, rejected: 0 });
  });

  it('answers 404 for a job the account does not have', async () => {
    // Act
    const submitted = submitBatch({ jobId: 'job-unknown', batch: batchOf(entities(1)) }, ACCOUNT, deps);

    // Assess
    await expect(submitted).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitted).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers 409 for a job 24 hours after it was created, and stores nothing', async () => {
    // Prepare
    deps.clock.set(hoursAfter(JOBS_NOW, 24));

    // Act
    const submitted = submitBatch({ jobId, batch: batchOf(entities(1)) }, ACCOUNT, deps);

    // Assess
    await expect(submitted).rejects.toBeInstanceOf(ConflictError);
    await expect(submitted).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(deps.jobs.batches.size).toBe(0);
    expect(deps.queue.chunks).toEqual([]);
  });

  it('still accepts a batch just before the job closes', async () => {
    // Prepare
    deps.clock.set(new Date(hoursAfter(JOBS_NOW, 24).getTime() - 1));

    // Act
    const accepted = await submitBatch({ jobId, batch: batchOf(entities(1)) }, ACCOUNT, deps);

    // Assess
    expect(accepted.status).toBe('PENDING');
  });

  it('stores the batch before it queues the batch’s chunks', async () => {
    // Act
    const { batchId } = await submitBatch({ jobId, batch: batchOf(entities(3)) }, ACCOUNT, deps);

    // Assess
    expect(deps.journal).toEqual([`createBatch ${batchId}`, 'enqueue 1']);
  });

  it('stores the batch with its total, chunk count and creation time, and answers PENDING', async () => {
    // Act
    const accepted = await submitBatch({ jobId, batch: batchOf(entities(3)) }, ACCOUNT, deps);

    // Assess
    expect(accepted).toEqual({ batchId: accepted.batchId, jobId, status: 'PENDING', total: 3, rejected: 0, notQueued: 0 });
    expect(deps.jobs.batches.get(`${jobId}/${accepted.batchId}`)).toEqual({
      jobId,
      batchId: accepted.batchId,
      entityType: 'INVENTORY',
      action: 'UPSERT',
      total: 3,
      chunkCount: 1,
      rejected: [],
      createdOn: JOBS_NOW.toISOString(),
    });
  });

  it('queues the valid records in chunks for the account, job, retailer and batch', async () => {
    // Act
    const { batchId } = await submitBatch({ jobId, batch: batchOf([...entities(2), { skuRef: 'SKU-X' }]) }, ACCOUNT, deps);

    // Assess
    expect(deps.queue.chunks).toEqual([
      {
        accountId: ACCOUNT.accountId,
        jobId,
        batchId,
        retailerId: 'R1',
        chunk: 1,
        records: [
          [0, 'SKU-0', 'LOC-1', 0, null],
          [1, 'SKU-1', 'LOC-1', 1, null],
        ],
      },
    ]);
  });

  it('stores the refused records with the batch and answers how many were refused', async () => {
    // Act
    const accepted = await submitBatch({ jobId, batch: batchOf([...entities(2), { skuRef: 'SKU-X' }]) }, ACCOUNT, deps);

    // Assess
    expect(accepted.rejected).toBe(1);
    expect(deps.jobs.batches.get(`${jobId}/${accepted.batchId}`)?.rejected).toEqual([
      { index: 2, skuRef: 'SKU-X', locationRef: '', code: 'INVALID_RECORD', message: expect.stringContaining('locationRef is required') },
    ]);
  });

  it('makes a batch whose every record is invalid FAILED at once and queues no chunk', async () => {
    // Act
    const accepted = await submitBatch({ jobId, batch: batchOf([{ skuRef: 'SKU-1' }, 'not a record']) }, ACCOUNT, deps);

    // Assess
    expect(accepted).toMatchObject({ status: 'FAILED', total: 2, rejected: 2 });
    expect(deps.jobs.batches.get(`${jobId}/${accepted.batchId}`)?.chunkCount).toBe(0);
    expect(deps.queue.chunks).toEqual([]);
  });

  it('reports the records of a chunk the queue refused as NOT_QUEUED, and keeps the queued chunk running', async () => {
    // Prepare
    deps.queue.refusing.add(2);

    // Act
    const accepted = await submitBatch({ jobId, batch: batchOf(entities(5000)) }, ACCOUNT, deps);
    const batch = await getBatch({ jobId, batchId: accepted.batchId }, {}, deps);

    // Assess
    expect(accepted).toMatchObject({ status: 'RUNNING', total: 5000, notQueued: 2500 });
    expect(deps.queue.chunks.map((chunk) => chunk.chunk)).toEqual([1]);
    expect(batch).toMatchObject({ status: 'RUNNING', failed: 2500, applied: 0 });
    expect(batch.errors).toHaveLength(2500);
    expect(batch.errors.every((error) => error.code === 'NOT_QUEUED')).toBe(true);
    expect(batch.errors[0]).toMatchObject({ index: 2500, skuRef: 'SKU-2500', locationRef: 'LOC-1' });
  });

  it('answers 503 when the queue takes no chunk, leaving the batch FAILED with every record NOT_QUEUED', async () => {
    // Prepare
    deps.queue.refusing.add(1);

    // Act
    const submitted = submitBatch({ jobId, batch: batchOf(entities(3)) }, ACCOUNT, deps);

    // Assess
    await expect(submitted).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(submitted).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('new batch') });
    const [stored] = deps.jobs.batches.values();
    const batch = await getBatch({ jobId, batchId: stored?.batchId ?? '' }, {}, deps);
    expect(batch).toMatchObject({ status: 'FAILED', total: 3, failed: 3, applied: 0 });
    expect(batch.errors.map((error) => [error.index, error.code])).toEqual([
      [0, 'NOT_QUEUED'],
      [1, 'NOT_QUEUED'],
      [2, 'NOT_QUEUED'],
    ]);
  });

  it('keeps the result of a chunk the processor finished although its send was reported failed, and answers 202', async () => {
    // Prepare: the send timed out after SQS took the message, and the chunk ran at once
    deps.queue.refusing.add(1);
    const finished = { chunk: 1, applied: 3, unchanged: 0, failed: 0, errors: [], completedOn: JOBS_NOW.toISOString() };
    const store = deps.jobs;
    const createBatch = store.createBatch.bind(store);
    jest.spyOn(store, 'createBatch').mockImplementation(async (batch) => {
      await createBatch(batch);
      await store.putChunkResult(batch.jobId, batch.batchId, finished);
    });

    // Act
    const accepted = await submitBatch({ jobId, batch: batchOf(entities(3)) }, ACCOUNT, deps);

    // Assess
    expect(accepted.status).not.toBe('FAILED');
    expect(await getBatch({ jobId, batchId: accepted.batchId }, {}, deps)).toMatchObject({ status: 'COMPLETE', applied: 3, failed: 0, errors: [] });
  });

  it('reports the records applied when NOT_QUEUED is stored while the processor is already applying the chunk', async () => {
    // Prepare: the send was reported failed but landed, and the processor had read no result yet
    deps = fakeJobDeps({ locations: ['LOC-1'] });
    ({ jobId } = await createJob({ name: 'Nightly stock', retailerId: 'R1' }, {}, deps));
    const { batchId } = await submitBatch({ jobId, batch: batchOf(entities(2)) }, ACCOUNT, deps);
    const [queued] = deps.queue.chunks;
    const notQueuedMeanwhile = async () => {
      const errors: RecordError[] = [];
      await deps.jobs.putNotQueuedResult(jobId, batchId, { chunk: 1, applied: 0, unchanged: 0, failed: 2, errors, completedOn: JOBS_NOW.toISOString() });
    };

    // Act
    const outcome = await applyChunk(queued as BatchChunk, deps, { beforeResult: notQueuedMeanwhile });

    // Assess
    expect(outcome.redelivered).toBe(false);
    expect(deps.counts.written).toHaveLength(2);
    expect(await getBatch({ jobId, batchId }, {}, deps)).toMatchObject({ status: 'COMPLETE', applied: 2, failed: 0 });
  });

  it('leaves the counts alone when a chunk reported NOT_QUEUED reaches the processor after all', async () => {
    // Prepare
    deps = fakeJobDeps({ locations: ['LOC-1'] });
    ({ jobId } = await createJob({ name: 'Nightly stock', retailerId: 'R1' }, {}, deps));
    deps.queue.refusing.add(1);
    await submitBatch({ jobId, batch: batchOf(entities(2)) }, ACCOUNT, deps).catch(() => undefined);
    const [stored] = deps.jobs.batches.values();
    const batchId = stored?.batchId ?? '';
    const records: BatchChunk['records'] = [
      [0, 'SKU-0', 'LOC-1', 0, null],
      [1, 'SKU-1', 'LOC-1', 1, null],
    ];
    const late: BatchChunk = { accountId: ACCOUNT.accountId, jobId, batchId, retailerId: 'R1', chunk: 1, records };

    // Act
    const outcome = await applyChunk(late, deps);

    // Assess
    expect(outcome.redelivered).toBe(true);
    expect(deps.counts.written).toEqual([]);
    expect(await getBatch({ jobId, batchId }, {}, deps)).toMatchObject({ status: 'FAILED', applied: 0, failed: 2 });
  });
});

describe('createJob', () => {
  let deps: FakeJobDeps;

  beforeEach(() => {
    deps = fakeJobDeps();
  });

  it('creates an open, PENDING job that closes 24 hours after it was created', async () => {
    // Act
    const created = await createJob({ name: 'Nightly stock', retailerId: 'R1' }, {}, deps);

    // Assess
    expect(created).toMatchObject({
      jobId: 'id-1',
      name: 'Nightly stock',
      retailerId: 'R1',
      status: 'PENDING',
      open: true,
      createdOn: JOBS_NOW.toISOString(),
      closesOn: hoursAfter(JOBS_NOW, 24).toISOString(),
    });
    expect(deps.jobs.jobs.get('id-1')).toMatchObject({ retailerId: 'R1' });
  });

  it('takes the retailer of a key scoped to a retailer when the body leaves it out', async () => {
    // Act
    const created = await createJob({ name: 'Nightly stock' }, { retailerId: 'R7' }, deps);

    // Assess
    expect(created.retailerId).toBe('R7');
  });

  it('refuses with a 403 a retailer other than the one the key is scoped to, and stores nothing', async () => {
    // Act
    const created = createJob({ name: 'Nightly stock', retailerId: 'R1' }, { retailerId: 'R7' }, deps);

    // Assess
    await expect(created).rejects.toBeInstanceOf(ForbiddenError);
    await expect(created).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(deps.jobs.jobs.size).toBe(0);
  });

  it('refuses with a 400 naming retailerId a job without retailer from an unscoped key', async () => {
    // Act
    const created = createJob({ name: 'Nightly stock' }, {}, deps);

    // Assess
    await expect(created).rejects.toBeInstanceOf(ValidationError);
    await expect(created).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'retailerId', message: expect.stringContaining('retailerId') });
    expect(deps.jobs.jobs.size).toBe(0);
  });
});
