import type { Clock } from '../../ports/clock';
import type { InventoryCountStore } from '../../ports/inventory-count-store';
import type { JobStore } from '../../ports/job-store';
import type { LocationStore } from '../../ports/location-store';
import { inParallel } from '../bounded-parallel';
import { stockKey } from '../../engine/stock-changes';
import type { StockCount } from '../inventory/stock-count';
import { mayWriteStock } from '../locations/location-ownership';
import { chunkId, recordsOf, type BatchChunk, type ChunkResult, type RecordError } from './batch';

/** Location reads in flight at once: a chunk may name thousands of locations. */
const LOCATION_LOOKUPS_IN_FLIGHT = 8;

/** A position this chunk changed, as the position's workflow hears of it. */
export interface CountChange {
  /** The record's index in the batch, for deterministic event ids. */
  index: number;
  skuRef: string;
  locationRef: string;
  onHand: number;
  safetyStock: number;
  /**
   * onHand before this chunk; null when the position had no count, or when an earlier run of
   * this same chunk already overwrote it (that run stopped before storing the chunk's result).
   */
  previousOnHand: number | null;
}

export interface ApplyChunkOptions {
  /**
   * Called with the chunk's changes after the counts are written and before the chunk's result
   * is stored (only when there are changes), so that a run that stops in between does it again
   * on redelivery. It must therefore be safe to repeat. If it throws, no result is stored and
   * the queue redelivers the chunk.
   */
  beforeResult?: (changes: CountChange[]) => Promise<void>;
}

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
 *   the chunk's id, so the next run counts them as applied again, not as unchanged, and hands
 *   them to `beforeResult` again.
 */
export const applyChunk = async (
  chunk: BatchChunk,
  deps: ChunkDeps,
  options: ApplyChunkOptions = {},
): Promise<{ result: ChunkResult; redelivered: boolean; changes: CountChange[] }> => {
  const done = await deps.jobs.getChunkResult(chunk.jobId, chunk.batchId, chunk.chunk);
  if (done) return { result: done, redelivered: true, changes: [] };

  const records = recordsOf(chunk);
  const refs = [...new Set(records.map((record) => record.locationRef))];
  const lookups = refs.map((ref) => async () => {
    const location = await deps.locations.get(ref);
    return !location ? 'UNKNOWN' : mayWriteStock(location, chunk) ? 'WRITABLE' : 'NOT_OWNED';
  });
  const access = await inParallel(lookups, LOCATION_LOOKUPS_IN_FLIGHT);
  const known = new Set(refs.filter((_ref, i) => access[i] === 'WRITABLE'));
  const notOwned = new Set(refs.filter((_ref, i) => access[i] === 'NOT_OWNED'));
  const stored = await deps.counts.getCounts(records.filter((record) => known.has(record.locationRef)));

  const id = chunkId(chunk);
  const updatedOn = deps.clock.now().toISOString();
  const errors: RecordError[] = [];
  const changed: StockCount[] = [];
  const changes: CountChange[] = [];
  let applied = 0;
  let unchanged = 0;
  for (const record of records) {
    const { index, skuRef, locationRef, qty } = record;
    if (notOwned.has(locationRef)) {
      errors.push({ index, skuRef, locationRef, code: 'LOCATION_NOT_OWNED', message: notOwnedMessage(locationRef, chunk) });
      continue;
    }
    if (!known.has(locationRef)) {
      errors.push({ index, skuRef, locationRef, code: 'UNKNOWN_LOCATION', message: `No location ${locationRef} in this account` });
      continue;
    }
    const current = stored.get(stockKey(skuRef, locationRef));
    const safetyStock = record.safetyStock ?? current?.safetyStock ?? 0;
    if (current && current.onHand === qty && current.safetyStock === safetyStock) {
      if (current.appliedBy === id) {
        applied++;
        // Written by an earlier run of this chunk, whose notifications may not have gone out.
        changes.push({ index, skuRef, locationRef, onHand: qty, safetyStock, previousOnHand: null });
      } else unchanged++;
      continue;
    }
    changed.push({ skuRef, locationRef, onHand: qty, safetyStock, updatedOn, appliedBy: id });
    changes.push({ index, skuRef, locationRef, onHand: qty, safetyStock, previousOnHand: current?.onHand ?? null });
    applied++;
  }
  await deps.counts.putCounts(changed);
  if (changes.length && options.beforeResult) await options.beforeResult(changes);
  const result: ChunkResult = { chunk: chunk.chunk, applied, unchanged, failed: errors.length, errors, completedOn: updatedOn };
  await deps.jobs.putChunkResult(chunk.jobId, chunk.batchId, result);
  return { result, redelivered: false, changes };
};

const notOwnedMessage = (locationRef: string, chunk: BatchChunk) =>
  `Location ${locationRef} is not owned by retailer ${chunk.ownedLocationsOf}: its stock is written by keys of the whole account or of its owner`;
