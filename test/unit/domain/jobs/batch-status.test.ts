import type { Batch, ChunkResult, RecordError } from '../../../../shared/domain/jobs/batch';
import { batchView, jobView, type BatchView } from '../../../../shared/domain/jobs/batch-status';
import type { Job } from '../../../../shared/domain/jobs/job';

const CREATED = '2025-03-14T09:00:00.000Z';

const error = (index: number, code: RecordError['code'] = 'UNKNOWN_LOCATION'): RecordError => ({
  index,
  skuRef: `SKU-${index}`,
  locationRef: 'LOC-1',
  code,
  message: `record ${index} failed`,
});

const batch = (overrides: Partial<Batch> = {}): Batch => ({
  jobId: 'job-1',
  batchId: 'batch-1',
  entityType: 'INVENTORY',
  action: 'UPSERT',
  total: 10,
  chunkCount: 2,
  rejected: [],
  createdOn: CREATED,
  ...overrides,
});

const result = (chunk: number, counts: Partial<Omit<ChunkResult, 'chunk'>> = {}): ChunkResult => ({
  chunk,
  applied: 5,
  unchanged: 0,
  failed: 0,
  errors: [],
  completedOn: `2025-03-14T09:0${chunk}:00.000Z`,
  ...counts,
});

const job = (overrides: Partial<Job> = {}): Job => ({
  jobId: 'job-1',
  name: 'Nightly stock',
  retailerId: 'R1',
  createdOn: CREATED,
  closesOn: '2025-03-15T09:00:00.000Z',
  ...overrides,
});

const BEFORE_CLOSE = new Date('2025-03-14T12:00:00.000Z');

/** A batch view with the given status and counts, as jobView receives it. */
const view = (batchId: string, chunkResults: ChunkResult[], overrides: Partial<Batch> = {}): BatchView =>
  batchView(batch({ batchId, ...overrides }), chunkResults);

describe('batchView', () => {
  it('is PENDING while no chunk has a result', () => {
    // Act
    const status = batchView(batch(), []);

    // Assess
    expect(status).toMatchObject({ status: 'PENDING', total: 10, applied: 0, unchanged: 0, failed: 0, errors: [] });
    expect(status).not.toHaveProperty('completedOn');
  });

  it('is RUNNING while some chunks have results and others do not', () => {
    // Act
    const status = batchView(batch(), [result(1)]);

    // Assess
    expect(status).toMatchObject({ status: 'RUNNING', applied: 5 });
    expect(status).not.toHaveProperty('completedOn');
  });

  it('is COMPLETE when every chunk has a result and no record failed', () => {
    // Act
    const status = batchView(batch(), [result(1, { applied: 3, unchanged: 2 }), result(2)]);

    // Assess
    expect(status).toMatchObject({ status: 'COMPLETE', applied: 8, unchanged: 2, failed: 0 });
  });

  it('is COMPLETE when every record was unchanged', () => {
    // Act
    const status = batchView(batch(), [result(1, { applied: 0, unchanged: 5 }), result(2, { applied: 0, unchanged: 5 })]);

    // Assess
    expect(status.status).toBe('COMPLETE');
  });

  it('is PARTIAL when every chunk is done and some records failed but others were applied', () => {
    // Act
    const status = batchView(batch(), [result(1, { applied: 4, failed: 1, errors: [error(3)] }), result(2)]);

    // Assess
    expect(status).toMatchObject({ status: 'PARTIAL', applied: 9, failed: 1 });
  });

  it('is PARTIAL when only records refused at submission failed', () => {
    // Act
    const status = batchView(batch({ total: 11, chunkCount: 2, rejected: [error(10, 'INVALID_RECORD')] }), [result(1), result(2)]);

    // Assess
    expect(status).toMatchObject({ status: 'PARTIAL', applied: 10, failed: 1 });
  });

  it('is FAILED when every chunk is done and nothing was applied or unchanged', () => {
    // Act
    const status = batchView(batch({ total: 2, chunkCount: 1 }), [result(1, { applied: 0, failed: 2, errors: [error(0), error(1)] })]);

    // Assess
    expect(status).toMatchObject({ status: 'FAILED', failed: 2 });
  });

  it('is FAILED at once, with its completedOn, when every record was refused and nothing was chunked', () => {
    // Act
    const status = batchView(batch({ total: 2, chunkCount: 0, rejected: [error(0, 'INVALID_RECORD'), error(1, 'DUPLICATE_RECORD')] }), []);

    // Assess
    expect(status).toMatchObject({ status: 'FAILED', failed: 2, completedOn: CREATED });
  });

  it('merges refused records and chunk errors into one list sorted by index', () => {
    // Prepare
    const refused = batch({ rejected: [error(4, 'INVALID_RECORD'), error(9, 'DUPLICATE_RECORD')] });

    // Act
    const status = batchView(refused, [result(2, { errors: [error(7)] }), result(1, { errors: [error(0), error(5)] })]);

    // Assess
    expect(status.errors.map((each) => [each.index, each.code])).toEqual([
      [0, 'UNKNOWN_LOCATION'],
      [4, 'INVALID_RECORD'],
      [5, 'UNKNOWN_LOCATION'],
      [7, 'UNKNOWN_LOCATION'],
      [9, 'DUPLICATE_RECORD'],
    ]);
  });

  it('gives a finished batch the completedOn of its last chunk to finish', () => {
    // Act
    const status = batchView(batch(), [result(2, { completedOn: '2025-03-14T09:30:00.000Z' }), result(1, { completedOn: '2025-03-14T09:10:00.000Z' })]);

    // Assess
    expect(status.completedOn).toBe('2025-03-14T09:30:00.000Z');
  });
});

describe('jobView', () => {
  it('is PENDING, with zero counts, for a job without batches', () => {
    // Act
    const status = jobView(job(), [], BEFORE_CLOSE);

    // Assess
    expect(status).toMatchObject({ status: 'PENDING', total: 0, applied: 0, unchanged: 0, failed: 0, errors: [], batches: [] });
  });

  it('is PENDING while none of its batches has started', () => {
    // Act
    const status = jobView(job(), [view('b1', []), view('b2', [])], BEFORE_CLOSE);

    // Assess
    expect(status.status).toBe('PENDING');
  });

  it('is RUNNING while one batch is finished and another has not started', () => {
    // Act
    const status = jobView(job(), [view('b1', [result(1), result(2)]), view('b2', [])], BEFORE_CLOSE);

    // Assess
    expect(status.status).toBe('RUNNING');
  });

  it('is COMPLETE when every batch is COMPLETE', () => {
    // Act
    const status = jobView(job(), [view('b1', [result(1), result(2)]), view('b2', [result(1), result(2)])], BEFORE_CLOSE);

    // Assess
    expect(status.status).toBe('COMPLETE');
  });

  it('is PARTIAL when one batch FAILED and another was applied', () => {
    // Prepare
    const failed = view('b1', [], { total: 1, chunkCount: 0, rejected: [error(0, 'INVALID_RECORD')] });
    const applied = view('b2', [result(1), result(2)]);

    // Act
    const status = jobView(job(), [failed, applied], BEFORE_CLOSE);

    // Assess
    expect(status.status).toBe('PARTIAL');
  });

  it('is FAILED when every batch FAILED', () => {
    // Prepare
    const failed = view('b1', [], { total: 1, chunkCount: 0, rejected: [error(0, 'INVALID_RECORD')] });

    // Act
    const status = jobView(job(), [failed], BEFORE_CLOSE);

    // Assess
    expect(status.status).toBe('FAILED');
  });

  it('adds up the counts of its batches', () => {
    // Prepare
    const first = view('b1', [result(1, { applied: 3, unchanged: 2 }), result(2, { applied: 4, failed: 1, errors: [error(8)] })]);
    const second = view('b2', [result(1)], { total: 7 });

    // Act
    const status = jobView(job(), [first, second], BEFORE_CLOSE);

    // Assess
    expect(status).toMatchObject({ total: 17, applied: 12, unchanged: 2, failed: 1 });
  });

  it('lists the errors of every batch with the batch they belong to, and summaries without errors', () => {
    // Prepare
    const first = view('b1', [result(1, { errors: [error(3)] }), result(2)]);
    const second = view('b2', [result(1, { errors: [error(0)] }), result(2)]);

    // Act
    const status = jobView(job(), [first, second], BEFORE_CLOSE);

    // Assess
    expect(status.errors.map((each) => [each.batchId, each.index])).toEqual([
      ['b1', 3],
      ['b2', 0],
    ]);
    expect(status.batches.map((summary) => summary.batchId)).toEqual(['b1', 'b2']);
    for (const summary of status.batches) {
      expect(summary).not.toHaveProperty('errors');
      expect(summary).not.toHaveProperty('jobId');
    }
  });

  it('is open before the job closes', () => {
    // Act
    const status = jobView(job(), [], new Date('2025-03-15T08:59:59.999Z'));

    // Assess
    expect(status.open).toBe(true);
  });

  it('is no longer open from the moment the job closes', () => {
    // Act
    const status = jobView(job(), [], new Date('2025-03-15T09:00:00.000Z'));

    // Assess
    expect(status.open).toBe(false);
  });
});
