import type { Clock } from '../../ports/clock';
import type { InventoryCountStore } from '../../ports/inventory-count-store';
import type { JobStore } from '../../ports/job-store';
import type { LocationStore } from '../../ports/location-store';
import { countKey, type InventoryCount } from '../inventory/count';
import { chunkId, recordsOf, type BatchChunk, type ChunkResult, type RecordError } from './batch';

export interface ChunkDeps {
  jobs: JobStore;
  counts: InventoryCountStore;
  locations: Pick<LocationStore, 'get'>;
  clock: Clock;
}

/**
 * Applies one chunk of an inventory batch: each record's qty becomes the position's onHand
 * (a full count; reservations are kept apart and stay). Records equal to the stored count are
 * skipped without a write. Safe to run again for the same chunk (SQS delivers at least once):
 * - once its result is stored, a redelivery writes nothing;
 * - if a run stopped between writing counts and storing the result, the counts it wrote carry
 *   the chunk's id, so the next run counts them as applied again, not as unchanged.
 */
export const applyChunk = async (chunk: BatchChunk, deps: ChunkDeps): Promise<{ result: ChunkResult; redelivered: boolean; changed: InventoryCount[] }> => {
  const done = await deps.jobs.getChunkResult(chunk.jobId, chunk.batchId, chunk.chunk);
  if (done) return { result: done, redelivered: true, changed: [] };

  const records = recordsOf(chunk);
  const refs = [...new Set(records.map((record) => record.locationRef))];
  const known = new Set(
    (await Promise.all(refs.map(async (ref) => ((await deps.locations.get(ref)) ? ref : undefined)))).filter(Boolean),
  );
  const stored = await deps.counts.getCounts(records.filter((record) => known.has(record.locationRef)));

  const id = chunkId(chunk);
  const updatedOn = deps.clock.now().toISOString();
  const errors: RecordError[] = [];
  const changed: InventoryCount[] = [];
  let applied = 0;
  let unchanged = 0;
  for (const record of records) {
    const { index, skuRef, locationRef, qty } = record;
    if (!known.has(locationRef)) {
      errors.push({ index, skuRef, locationRef, code: 'UNKNOWN_LOCATION', message: `No location ${locationRef} in this account` });
      continue;
    }
    const current = stored.get(countKey(skuRef, locationRef));
    const safetyStock = record.safetyStock ?? current?.safetyStock ?? 0;
    if (current && current.onHand === qty && current.safetyStock === safetyStock) {
      if (current.appliedBy === id) applied++;
      else unchanged++;
      continue;
    }
    changed.push({ skuRef, locationRef, onHand: qty, safetyStock, updatedOn, appliedBy: id });
    applied++;
  }
  await deps.counts.putCounts(changed);
  const result: ChunkResult = { chunk: chunk.chunk, applied, unchanged, failed: errors.length, errors, completedOn: updatedOn };
  await deps.jobs.putChunkResult(chunk.jobId, chunk.batchId, result);
  return { result, redelivered: false, changed };
};
