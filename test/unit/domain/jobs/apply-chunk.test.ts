import type { StockCount } from '../../../../shared/domain/inventory/stock-count';
import { applyChunk } from '../../../../shared/domain/jobs/apply-chunk';
import type { BatchChunk, ChunkResult } from '../../../../shared/domain/jobs/batch';
import { fakeJobDeps, JOBS_NOW, type FakeJobDeps } from '../../../support/jobs';

const EARLIER = '2025-03-01T00:00:00.000Z';
const CHUNK_ID = 'batch-1#1';

const chunk = (records: BatchChunk['records']): BatchChunk => ({ accountId: 'acme', jobId: 'job-1', batchId: 'batch-1', chunk: 1, records });

const stored = (skuRef: string, locationRef: string, onHand: number, safetyStock = 0, appliedBy?: string): StockCount => ({
  skuRef,
  locationRef,
  onHand,
  safetyStock,
  updatedOn: EARLIER,
  ...(appliedBy === undefined ? {} : { appliedBy }),
});

const written = (skuRef: string, locationRef: string, onHand: number, safetyStock = 0): StockCount => ({
  skuRef,
  locationRef,
  onHand,
  safetyStock,
  updatedOn: JOBS_NOW.toISOString(),
  appliedBy: CHUNK_ID,
});

const countOf = (deps: FakeJobDeps, skuRef: string, locationRef: string) => deps.counts.counts.get(`${skuRef}|${locationRef}`);

describe('applyChunk', () => {
  it('writes each changed count with the chunk that wrote it and counts it as applied', async () => {
    // Prepare
    const deps = fakeJobDeps({ locations: ['LOC-1'], counts: [stored('SKU-1', 'LOC-1', 3)] });

    // Act
    const { result } = await applyChunk(
      chunk([
        [0, 'SKU-1', 'LOC-1', 7, null],
        [1, 'SKU-2', 'LOC-1', 4, 1],
      ]),
      deps,
    );

    // Assess
    expect(result).toMatchObject({ chunk: 1, applied: 2, unchanged: 0, failed: 0, errors: [] });
    expect(deps.counts.written).toEqual([written('SKU-1', 'LOC-1', 7), written('SKU-2', 'LOC-1', 4, 1)]);
  });

  it('stores the chunk result once the counts are written', async () => {
    // Prepare
    const deps = fakeJobDeps({ locations: ['LOC-1'] });

    // Act
    const { result } = await applyChunk(chunk([[0, 'SKU-1', 'LOC-1', 7, null]]), deps);

    // Assess
    expect(await deps.jobs.getChunkResult('job-1', 'batch-1', 1)).toEqual(result);
    expect(result.completedOn).toBe(JOBS_NOW.toISOString());
  });

  it('skips a record equal to the stored count without writing it, and counts it as unchanged', async () => {
    // Prepare
    const deps = fakeJobDeps({ locations: ['LOC-1'], counts: [stored('SKU-1', 'LOC-1', 7, 2), stored('SKU-2', 'LOC-1', 1)] });

    // Act
    const { result } = await applyChunk(
      chunk([
        [0, 'SKU-1', 'LOC-1', 7, 2],
        [1, 'SKU-2', 'LOC-1', 9, null],
      ]),
      deps,
    );

    // Assess
    expect(result).toMatchObject({ applied: 1, unchanged: 1, failed: 0 });
    expect(deps.counts.written.map((count) => count.skuRef)).toEqual(['SKU-2']);
    expect(countOf(deps, 'SKU-1', 'LOC-1')?.updatedOn).toBe(EARLIER);
  });

  it('writes a record whose qty is the same but whose safetyStock differs', async () => {
    // Prepare
    const deps = fakeJobDeps({ locations: ['LOC-1'], counts: [stored('SKU-1', 'LOC-1', 7, 2)] });

    // Act
    const { result } = await applyChunk(chunk([[0, 'SKU-1', 'LOC-1', 7, 3]]), deps);

    // Assess
    expect(result).toMatchObject({ applied: 1, unchanged: 0 });
    expect(deps.counts.written).toEqual([written('SKU-1', 'LOC-1', 7, 3)]);
  });

  it('fails only the record of an unknown location, and applies the others', async () => {
    // Prepare
    const deps = fakeJobDeps({ locations: ['LOC-1'] });

    // Act
    const { result } = await applyChunk(
      chunk([
        [0, 'SKU-1', 'LOC-1', 7, null],
        [1, 'SKU-1', 'LOC-404', 2, null],
        [2, 'SKU-2', 'LOC-1', 5, null],
      ]),
      deps,
    );

    // Assess
    expect(result).toMatchObject({ applied: 2, unchanged: 0, failed: 1 });
    expect(result.errors).toEqual([
      { index: 1, skuRef: 'SKU-1', locationRef: 'LOC-404', code: 'UNKNOWN_LOCATION', message: 'No location LOC-404 in this account' },
    ]);
    expect(deps.counts.written.map((count) => count.locationRef)).toEqual(['LOC-1', 'LOC-1']);
  });

  it('looks each location up once however many records name it', async () => {
    // Prepare
    const deps = fakeJobDeps({ locations: ['LOC-1'] });
    const lookup = jest.spyOn(deps.locations, 'get');

    // Act
    await applyChunk(
      chunk([
        [0, 'SKU-1', 'LOC-1', 1, null],
        [1, 'SKU-2', 'LOC-1', 2, null],
        [2, 'SKU-3', 'LOC-2', 3, null],
        [3, 'SKU-4', 'LOC-2', 4, null],
      ]),
      deps,
    );

    // Assess
    expect(lookup.mock.calls.map(([ref]) => ref).sort()).toEqual(['LOC-1', 'LOC-2']);
  });

  it('writes nothing for a redelivered chunk whose result is stored, and returns that result', async () => {
    // Prepare
    const deps = fakeJobDeps({ locations: ['LOC-1'] });
    const done: ChunkResult = { chunk: 1, applied: 1, unchanged: 0, failed: 0, errors: [], completedOn: EARLIER };
    await deps.jobs.putChunkResult('job-1', 'batch-1', done);
    deps.journal.length = 0;

    // Act
    const outcome = await applyChunk(chunk([[0, 'SKU-1', 'LOC-1', 7, null]]), deps);

    // Assess
    expect(outcome).toEqual({ result: done, redelivered: true, changes: [] });
    expect(deps.counts.puts).toEqual([]);
    expect(deps.journal).toEqual([]);
  });

  it('counts the chunk’s own earlier writes as applied when it runs again after a crash before its result was stored', async () => {
    // Prepare
    const deps = fakeJobDeps({
      locations: ['LOC-1'],
      counts: [stored('SKU-1', 'LOC-1', 7, 0, CHUNK_ID), stored('SKU-2', 'LOC-1', 4, 1, CHUNK_ID), stored('SKU-3', 'LOC-1', 2)],
    });

    // Act
    const { result, redelivered } = await applyChunk(
      chunk([
        [0, 'SKU-1', 'LOC-1', 7, null],
        [1, 'SKU-2', 'LOC-1', 4, 1],
        [2, 'SKU-3', 'LOC-1', 2, null],
      ]),
      deps,
    );

    // Assess
    expect(redelivered).toBe(false);
    expect(result).toMatchObject({ applied: 2, unchanged: 1, failed: 0 });
    expect(deps.counts.written).toEqual([]);
  });

  it('counts a count equal to the record but written by another chunk as unchanged', async () => {
    // Prepare
    const deps = fakeJobDeps({ locations: ['LOC-1'], counts: [stored('SKU-1', 'LOC-1', 7, 0, 'batch-0#3')] });

    // Act
    const { result } = await applyChunk(chunk([[0, 'SKU-1', 'LOC-1', 7, null]]), deps);

    // Assess
    expect(result).toMatchObject({ applied: 0, unchanged: 1 });
  });

  it('ends a crashed run and its re-run with the same result and the counts written once', async () => {
    // Prepare
    const deps = fakeJobDeps({ locations: ['LOC-1'] });
    const records: BatchChunk['records'] = [
      [0, 'SKU-1', 'LOC-1', 7, null],
      [1, 'SKU-2', 'LOC-1', 4, 2],
    ];
    jest.spyOn(deps.jobs, 'putChunkResult').mockRejectedValueOnce(new Error('Lambda timed out'));
    await expect(applyChunk(chunk(records), deps)).rejects.toThrow('Lambda timed out');

    // Act
    const { result } = await applyChunk(chunk(records), deps);

    // Assess
    expect(result).toMatchObject({ applied: 2, unchanged: 0, failed: 0 });
    expect(deps.counts.puts.map((call) => call.length)).toEqual([2, 0]);
  });

  it('keeps the stored safetyStock when the record leaves it out', async () => {
    // Prepare
    const deps = fakeJobDeps({ locations: ['LOC-1'], counts: [stored('SKU-1', 'LOC-1', 3, 4)] });

    // Act
    await applyChunk(chunk([[0, 'SKU-1', 'LOC-1', 9, null]]), deps);

    // Assess
    expect(countOf(deps, 'SKU-1', 'LOC-1')).toMatchObject({ onHand: 9, safetyStock: 4 });
  });

  it('skips a record without safetyStock whose qty equals the stored onHand, whatever the stored safetyStock', async () => {
    // Prepare
    const deps = fakeJobDeps({ locations: ['LOC-1'], counts: [stored('SKU-1', 'LOC-1', 9, 4)] });

    // Act
    const { result } = await applyChunk(chunk([[0, 'SKU-1', 'LOC-1', 9, null]]), deps);

    // Assess
    expect(result).toMatchObject({ applied: 0, unchanged: 1 });
    expect(deps.counts.written).toEqual([]);
  });

  it('replaces the stored safetyStock when the record gives one', async () => {
    // Prepare
    const deps = fakeJobDeps({ locations: ['LOC-1'], counts: [stored('SKU-1', 'LOC-1', 3, 4)] });

    // Act
    await applyChunk(chunk([[0, 'SKU-1', 'LOC-1', 9, 0]]), deps);

    // Assess
    expect(countOf(deps, 'SKU-1', 'LOC-1')).toMatchObject({ onHand: 9, safetyStock: 0 });
  });

  it('gives a new position a safetyStock of 0 when the record leaves it out', async () => {
    // Prepare
    const deps = fakeJobDeps({ locations: ['LOC-1'] });

    // Act
    await applyChunk(chunk([[0, 'SKU-1', 'LOC-1', 9, null]]), deps);

    // Assess
    expect(countOf(deps, 'SKU-1', 'LOC-1')).toMatchObject({ onHand: 9, safetyStock: 0 });
  });

  it('does not read counts of positions at unknown locations', async () => {
    // Prepare
    const deps = fakeJobDeps({ locations: ['LOC-1'] });
    const read = jest.spyOn(deps.counts, 'getCounts');

    // Act
    await applyChunk(
      chunk([
        [0, 'SKU-1', 'LOC-1', 1, null],
        [1, 'SKU-1', 'LOC-404', 1, null],
      ]),
      deps,
    );

    // Assess
    expect(read.mock.calls[0][0].map((position) => position.locationRef)).toEqual(['LOC-1']);
  });

  describe('the changes it hands on for the position workflow', () => {
    it('gives each written count with its previous onHand, null for a new position', async () => {
      // Prepare
      const deps = fakeJobDeps({ locations: ['LOC-1'], counts: [stored('SKU-1', 'LOC-1', 3, 1), stored('SKU-3', 'LOC-1', 2)] });

      // Act
      const { changes } = await applyChunk(
        chunk([
          [0, 'SKU-1', 'LOC-1', 7, null],
          [1, 'SKU-2', 'LOC-1', 4, 2],
          [2, 'SKU-3', 'LOC-1', 2, null],
        ]),
        deps,
      );

      // Assess
      expect(changes).toEqual([
        { index: 0, skuRef: 'SKU-1', locationRef: 'LOC-1', onHand: 7, safetyStock: 1, previousOnHand: 3 },
        { index: 1, skuRef: 'SKU-2', locationRef: 'LOC-1', onHand: 4, safetyStock: 2, previousOnHand: null },
      ]);
    });

    it('calls beforeResult after writing the counts and before storing the chunk result', async () => {
      // Prepare
      const deps = fakeJobDeps({ locations: ['LOC-1'] });
      const beforeResult = jest.fn(async () => {
        deps.journal.push(`beforeResult with ${deps.counts.written.length} counts written`);
      });

      // Act
      await applyChunk(chunk([[0, 'SKU-1', 'LOC-1', 7, null]]), deps, { beforeResult });

      // Assess
      expect(deps.journal).toEqual(['beforeResult with 1 counts written', 'putChunkResult batch-1#1']);
    });

    it('does not call beforeResult when nothing changed', async () => {
      // Prepare
      const deps = fakeJobDeps({ locations: ['LOC-1'], counts: [stored('SKU-1', 'LOC-1', 7)] });
      const beforeResult = jest.fn(async () => undefined);

      // Act
      await applyChunk(chunk([[0, 'SKU-1', 'LOC-1', 7, null]]), deps, { beforeResult });

      // Assess
      expect(beforeResult).not.toHaveBeenCalled();
    });

    it('stores no result when beforeResult fails, so the queue redelivers the chunk', async () => {
      // Prepare
      const deps = fakeJobDeps({ locations: ['LOC-1'] });

      // Act
      const run = applyChunk(chunk([[0, 'SKU-1', 'LOC-1', 7, null]]), deps, {
        beforeResult: async () => {
          throw new Error('SQS unavailable');
        },
      });

      // Assess
      await expect(run).rejects.toThrow('SQS unavailable');
      expect(await deps.jobs.getChunkResult('job-1', 'batch-1', 1)).toBeUndefined();
    });

    it('hands on again, with previousOnHand null, the counts an earlier run of the same chunk wrote', async () => {
      // Prepare
      const deps = fakeJobDeps({ locations: ['LOC-1'], counts: [stored('SKU-1', 'LOC-1', 7, 0, CHUNK_ID)] });

      // Act
      const { changes } = await applyChunk(chunk([[0, 'SKU-1', 'LOC-1', 7, null]]), deps);

      // Assess
      expect(changes).toEqual([{ index: 0, skuRef: 'SKU-1', locationRef: 'LOC-1', onHand: 7, safetyStock: 0, previousOnHand: null }]);
    });
  });
});
