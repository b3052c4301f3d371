import { inventoryBatch, jobsApi, runBatchProcessor } from '../integration/jobs-api';
import { RETAILER as SHOP } from '../integration/orders-api';
import { pause, type Progress } from './progress';
import { STOCKED_POSITIONS } from './stock-workload';
import type { ChaosAccount } from './workload';

/** What the recounts did, for the table and the verdict. */
export interface RestockCounts {
  /** Batches the API accepted (202). */
  batches: number;
  /** Batches answered 503 (the inventory queue was down; recorded FAILED) and sent again as a new batch. */
  refused: number;
  /** Accepted batches that ended COMPLETE with every record applied. */
  complete: number;
  /** Records applied by the batch processor. */
  applied: number;
  /** Batches that ended otherwise, or not at all before the deadline: `<account> <batchId> <status>`. */
  unfinished: string[];
}

const FINAL = new Set(['COMPLETE', 'PARTIAL', 'FAILED']);

/**
 * Stock counts from inventory batches while orders reserve, through the real path: a job per account (POST
 * /v1/jobs), a batch per recount (POST /v1/jobs/{jobId}/batches) and the batch processor fed from the inventory
 * queue. Each recount sets a third of the stocked positions (in turn) to one unit above their last count: a count
 * sets the position whatever shipped, so a bigger rise would refill the shelf and stock would never run short. Counts
 * only rise, because a
 * recount below the units already reserved leaves reserved > onHand by design (the shelf says otherwise), and the
 * run checks reserved ≤ onHand. Recounts run one after another, so a later count never lands before an earlier one.
 */
export class Restocks {
  readonly counts: RestockCounts = { batches: 0, refused: 0, complete: 0, applied: 0, unfinished: [] };
  private readonly jobs = new Map<string, string>();
  private recounts = 0;
  /** The last count set at each stocked position, in STOCKED_POSITIONS order. */
  private readonly counted: number[];
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly accounts: ChaosAccount[],
    private readonly progress: Progress,
    /** What the shop was stocked with at every position. */
    onHand: number,
  ) {
    this.counted = STOCKED_POSITIONS.map(() => onHand);
  }

  /** A job for each account's counts, before the run. */
  async open(): Promise<void> {
    for (const account of this.accounts) {
      const job = await jobsApi.createJob(account.apiKey, { name: 'chaos recounts', retailerId: SHOP });
      if (job.status !== 201) throw new Error(`job not created for ${account.accountId}: ${job.raw}`);
      this.jobs.set(account.accountId, job.body.jobId as string);
    }
  }

  /** Queues a recount of every account's positions, after the recounts already queued. */
  recount(): void {
    // A run without stock orders stocks nothing, so it has nothing to count.
    if (!this.jobs.size) return;
    const turn = ++this.recounts % 3;
    const records = STOCKED_POSITIONS.flatMap(({ locationRef, skuRef }, i) => (i % 3 === turn ? [{ locationRef, skuRef, qty: ++this.counted[i] }] : []));
    this.chain = this.chain.then(async () => {
      await Promise.all(this.accounts.map((account) => this.recountOf(account, records)));
    });
  }

  /** Every queued recount final. */
  done(): Promise<void> {
    return this.chain;
  }

  private async recountOf(account: ChaosAccount, records: { locationRef: string; skuRef: string; qty: number }[]): Promise<void> {
    const jobId = this.jobs.get(account.accountId) as string;
    const batchId = await this.accepted(account, jobId, records);
    if (!batchId) return;
    const status = await this.settled(account, jobId, batchId);
    if (status.status === 'COMPLETE' && status.applied === records.length) {
      this.counts.complete++;
      this.counts.applied += status.applied;
    } else this.counts.unfinished.push(`${account.accountId} ${batchId} ${status.status ?? 'not final'}`);
  }

  /** Posts the batch until the API accepts one; a 503 (nothing queued, the batch FAILED) is sent again as a new batch. */
  private async accepted(account: ChaosAccount, jobId: string, records: unknown[]): Promise<string | undefined> {
    for (;;) {
      const posted = await jobsApi.postBatch(account.apiKey, jobId, inventoryBatch(records));
      if (posted.status === 202) {
        this.counts.batches++;
        return posted.body.batchId as string;
      }
      if (posted.status !== 503 || Date.now() > this.progress.deadline) {
        this.counts.unfinished.push(`${account.accountId} batch answered ${posted.status}: ${posted.raw}`);
        return undefined;
      }
      this.counts.refused++;
      await pause(200);
    }
  }

  /** Runs the batch processor until the batch is final (or the deadline); the processor's own failures are retried. */
  private async settled(account: ChaosAccount, jobId: string, batchId: string): Promise<{ status?: string; applied?: number }> {
    while (Date.now() < this.progress.deadline) {
      const batch = await jobsApi.getBatch(account.apiKey, jobId, batchId);
      if (FINAL.has(batch.body.status as string)) return batch.body as { status: string; applied: number };
      const handed = await runBatchProcessor().catch(() => 0);
      this.progress.moved();
      if (!handed) await pause(50);
    }
    return {};
  }
}
