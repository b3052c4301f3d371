import type { InventoryFileRecord } from '../../shared/domain/jobs/inventory-file';
import type { OrdoClient } from './ordo-client';

export const MAX_BATCH_SIZE = 5000;

/** A batch the server accepted, with the file line of each of its records (by index in the batch). */
export interface SentBatch {
  batchId: string;
  lines: number[];
}

/**
 * Groups records into batches and posts them with at most `concurrency` in flight. `add` only
 * resolves once there is room, so a caller that awaits it stops reading while the API is busy.
 * The first failed post fails every later `add` and `finish`.
 */
export class BatchUploader {
  readonly sent: SentBatch[] = [];
  private entities: InventoryFileRecord[] = [];
  private lines: number[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly client: Pick<OrdoClient, 'postBatch'>,
    private readonly jobId: string,
    private readonly options: { batchSize: number; concurrency: number },
  ) {}

  async add(record: InventoryFileRecord, line: number) {
    this.throwIfFailed();
    this.entities.push(record);
    this.lines.push(line);
    if (this.entities.length >= this.options.batchSize) await this.dispatch();
  }

  /** Sends the last, partial batch and waits for every post. */
  async finish() {
    if (this.entities.length > 0) await this.dispatch();
    await Promise.all(this.inFlight);
    this.throwIfFailed();
    return this.sent;
  }

  private async dispatch() {
    while (this.inFlight.size >= this.options.concurrency) await Promise.race(this.inFlight);
    this.throwIfFailed();
    const entities = this.entities;
    const lines = this.lines;
    this.entities = [];
    this.lines = [];
    const post: Promise<void> = this.client
      .postBatch(this.jobId, { entityType: 'INVENTORY', action: 'UPSERT', entities })
      .then(({ batchId }) => {
        this.sent.push({ batchId, lines });
      })
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.inFlight.delete(post));
    this.inFlight.add(post);
  }

  private throwIfFailed() {
    if (this.failure) throw this.failure.error;
  }
}
