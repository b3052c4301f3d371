import type { StockCount } from '../../shared/domain/inventory/stock-count';
import { stockKey } from '../../shared/engine/stock-changes';
import type { Batch, BatchChunk, ChunkResult } from '../../shared/domain/jobs/batch';
import type { Job } from '../../shared/domain/jobs/job';
import type { Location } from '../../shared/domain/locations/location';
import type { ChunkQueue } from '../../shared/ports/chunk-queue';
import type { InventoryCountStore } from '../../shared/ports/inventory-count-store';
import type { JobStore } from '../../shared/ports/job-store';
import type { LocationStore } from '../../shared/ports/location-store';
import { ManualClock } from './clock';
import { InMemoryRegisteredRetailers } from './registered-retailers';

/** What the job fakes did, in order, so a test can tell which write came first. */
export type Journal = string[];

const batchKey = (jobId: string, batchId: string) => `${jobId}/${batchId}`;
const resultKey = (jobId: string, batchId: string, chunk: number) => `${jobId}/${batchId}/${chunk}`;

/** Jobs, batches and chunk results in maps; everything read back is a copy, as from a database. */
export class InMemoryJobStore implements JobStore {
  readonly jobs = new Map<string, Job>();
  readonly batches = new Map<string, Batch>();
  readonly results = new Map<string, ChunkResult>();

  constructor(private readonly journal: Journal = []) {}

  async createJob(job: Job): Promise<void> {
    if (this.jobs.has(job.jobId)) throw new Error(`fake: job ${job.jobId} exists already`);
    this.journal.push(`createJob ${job.jobId}`);
    this.jobs.set(job.jobId, structuredClone(job));
  }

  async getJob(jobId: string): Promise<Job | undefined> {
    const job = this.jobs.get(jobId);
    return job && structuredClone(job);
  }

  async loadJob(jobId: string) {
    const job = await this.getJob(jobId);
    if (!job) return undefined;
    const batches = [...this.batches.values()]
      .filter((batch) => batch.jobId === jobId)
      .map((batch) => ({ batch: structuredClone(batch), results: this.resultsOf(jobId, batch.batchId) }));
    return { job, batches };
  }

  /** Newest first like the DynamoDB store; the cursor is the offset of the next page. */
  async listJobs(query: { retailerId?: string; limit: number; cursor?: string }) {
    const jobs = [...this.jobs.values()]
      .filter((job) => !query.retailerId || job.retailerId === query.retailerId)
      .sort((a, b) => b.createdOn.localeCompare(a.createdOn) || b.jobId.localeCompare(a.jobId));
    const from = Number(query.cursor ?? 0);
    const items = jobs.slice(from, from + query.limit).map((job) => ({
      job: structuredClone(job),
      batches: [...this.batches.values()]
        .filter((batch) => batch.jobId === job.jobId)
        .map(({ rejected, ...batch }) => ({
          batch: { ...structuredClone(batch), rejectedCount: rejected.length },
          results: this.resultsOf(job.jobId, batch.batchId).map(({ errors: _errors, ...counts }) => counts),
        })),
    }));
    return { items, cursor: from + query.limit < jobs.length ? String(from + query.limit) : undefined };
  }

  async loadBatch(jobId: string, batchId: string) {
    const batch = this.batches.get(batchKey(jobId, batchId));
    return batch && { batch: structuredClone(batch), results: this.resultsOf(jobId, batchId) };
  }

  async createBatch(batch: Batch): Promise<void> {
    this.journal.push(`createBatch ${batch.batchId}`);
    this.batches.set(batchKey(batch.jobId, batch.batchId), structuredClone(batch));
  }

  async getChunkResult(jobId: string, batchId: string, chunk: number): Promise<ChunkResult | undefined> {
    const result = this.results.get(resultKey(jobId, batchId, chunk));
    return result && structuredClone(result);
  }

  /** Keys of the results stored as NOT_QUEUED, which an applied result may replace. */
  private readonly notQueued = new Set<string>();

  async putChunkResult(jobId: string, batchId: string, result: ChunkResult): Promise<boolean> {
    this.journal.push(`putChunkResult ${batchId}#${result.chunk}`);
    const key = resultKey(jobId, batchId, result.chunk);
    if (this.results.has(key) && !this.notQueued.has(key)) return false;
    this.notQueued.delete(key);
    this.results.set(key, structuredClone(result));
    return true;
  }

  async putNotQueuedResult(jobId: string, batchId: string, result: ChunkResult): Promise<boolean> {
    this.journal.push(`putNotQueuedResult ${batchId}#${result.chunk}`);
    const key = resultKey(jobId, batchId, result.chunk);
    if (this.results.has(key)) return false;
    this.notQueued.add(key);
    this.results.set(key, structuredClone(result));
    return true;
  }

  private resultsOf(jobId: string, batchId: string): ChunkResult[] {
    return [...this.results.entries()]
      .filter(([key]) => key.startsWith(`${batchKey(jobId, batchId)}/`))
      .map(([, result]) => structuredClone(result));
  }
}

/** The chunk queue as a list of what was sent. */
export class InMemoryChunkQueue implements ChunkQueue {
  readonly chunks: BatchChunk[] = [];
  /** Chunk numbers the queue refuses, as an unavailable queue would. */
  readonly refusing = new Set<number>();

  constructor(private readonly journal: Journal = []) {}

  async enqueue(chunks: readonly BatchChunk[]): Promise<readonly BatchChunk[]> {
    this.journal.push(`enqueue ${chunks.length}`);
    const sent = chunks.filter((chunk) => !this.refusing.has(chunk.chunk));
    this.chunks.push(...structuredClone(sent));
    return chunks.filter((chunk) => this.refusing.has(chunk.chunk));
  }
}

/** Counts in a map by stockKey; every putCounts call is kept, so a test can tell what was written. */
export class InMemoryInventoryCountStore implements InventoryCountStore {
  readonly counts = new Map<string, StockCount>();
  readonly puts: StockCount[][] = [];
  /** Set to make every call fail, as a throttled table would. */
  failure: Error | undefined;

  constructor(seed: readonly StockCount[] = []) {
    for (const count of seed) this.counts.set(stockKey(count.skuRef, count.locationRef), structuredClone(count));
  }

  async getCounts(positions: readonly { skuRef: string; locationRef: string }[]): Promise<Map<string, StockCount>> {
    if (this.failure) throw this.failure;
    const found = new Map<string, StockCount>();
    for (const { skuRef, locationRef } of positions) {
      const count = this.counts.get(stockKey(skuRef, locationRef));
      if (count) found.set(stockKey(skuRef, locationRef), structuredClone(count));
    }
    return found;
  }

  async putCounts(counts: readonly StockCount[]): Promise<void> {
    if (this.failure) throw this.failure;
    this.puts.push(structuredClone([...counts]));
    for (const count of counts) this.counts.set(stockKey(count.skuRef, count.locationRef), structuredClone(count));
  }

  /** Every count written, over all putCounts calls. */
  get written(): StockCount[] {
    return this.puts.flat();
  }
}

export const location = (ref: string): Location => ({
  ref,
  type: 'STORE',
  name: `Store ${ref}`,
  lat: 51.5,
  lon: -0.12,
  status: 'ACTIVE',
  updatedOn: '2025-03-01T00:00:00.000Z',
});

/** The locations of one account, given by ref. */
export class InMemoryLocationStore implements LocationStore {
  readonly locations = new Map<string, Location>();

  constructor(refs: readonly string[] = []) {
    for (const ref of refs) this.locations.set(ref, location(ref));
  }

  async put(value: Location, ownedBy?: string): Promise<boolean> {
    const stored = this.locations.get(value.ref);
    if (ownedBy !== undefined && stored && stored.retailerId !== ownedBy) return false;
    this.locations.set(value.ref, structuredClone(value));
    return true;
  }

  async get(ref: string): Promise<Location | undefined> {
    const found = this.locations.get(ref);
    return found && structuredClone(found);
  }

  async list(): Promise<Location[]> {
    return [...this.locations.values()].map((value) => structuredClone(value));
  }
}

/** Ids `<prefix>-1`, `<prefix>-2`, … in the order they are asked for. */
export const sequentialIds = (prefix: string): (() => string) => {
  let next = 0;
  return () => `${prefix}-${++next}`;
};

export const JOBS_NOW = new Date('2025-03-14T09:00:00.000Z');

/** The dependencies of createJob, submitBatch and applyChunk, all in memory, sharing one journal. */
export const fakeJobDeps = (options: { locations?: readonly string[]; counts?: readonly StockCount[]; retailers?: string[] } = {}) => {
  const journal: Journal = [];
  return {
    journal,
    jobs: new InMemoryJobStore(journal),
    queue: new InMemoryChunkQueue(journal),
    counts: new InMemoryInventoryCountStore(options.counts),
    locations: new InMemoryLocationStore(options.locations),
    clock: new ManualClock(JOBS_NOW),
    ids: sequentialIds('id'),
    retailers: new InMemoryRegisteredRetailers(options.retailers),
  };
};

export type FakeJobDeps = ReturnType<typeof fakeJobDeps>;
