import { api, unwrap, type Schemas } from '../../api/client';
import type { paths } from '../../api/schema';
import { batchesOf, type StockFileLine } from './stock-file';

type Entities = paths['/v1/jobs/{jobId}/batches']['post']['requestBody']['content']['application/json']['entities'];

export type JobChoice = { jobId: string } | { name: string; retailerId: string };

export interface SendProgress {
  batchesSent: number;
  batches: number;
  rejected: number;
  notQueued: number;
}

/**
 * Opens a job when asked to, then posts the records as batches of at most the API's limit, one
 * after another so the progress shown is the progress made. Resolves with the job's id.
 */
export const sendStockFile = async (
  records: StockFileLine[],
  job: JobChoice,
  onProgress: (progress: SendProgress) => void,
): Promise<string> => {
  const jobId = 'jobId' in job ? job.jobId : (await unwrap(api.POST('/v1/jobs', { body: job }))).jobId;
  const batches = batchesOf(records);
  const progress: SendProgress = { batchesSent: 0, batches: batches.length, rejected: 0, notQueued: 0 };
  onProgress({ ...progress });
  for (const batch of batches) {
    const answer: { rejected: number; notQueued: number; status: Schemas['BatchStatus'] } = await unwrap(
      api.POST('/v1/jobs/{jobId}/batches', {
        params: { path: { jobId } },
        // Values go out as found in the file: the API judges each record and lists a bad one by its index.
        body: { entityType: 'INVENTORY', action: 'UPSERT', entities: batch.map((entry) => entry.record) as Entities },
      }),
    );
    progress.batchesSent += 1;
    progress.rejected += answer.rejected;
    progress.notQueued += answer.notQueued;
    onProgress({ ...progress });
  }
  return jobId;
};
