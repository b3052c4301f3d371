import { handler as createJob } from '../../functions/jobs/create-job';
import { handler as getBatch } from '../../functions/jobs/get-batch';
import { handler as getJob } from '../../functions/jobs/get-job';
import { handler as listJobs } from '../../functions/jobs/list-jobs';
import { handler as postBatch } from '../../functions/jobs/post-batch';
import { invoke } from '../support/api-gateway-event';
import { runBatchProcessor } from '../support/inventory-queue';
import { waitFor } from '../support/wait-for';

export { runBatchProcessor };

/** serverless.yml gives postBatch 29 s: a 5,000-record batch is validated and queued within one call. */
const POST_BATCH_TIMEOUT_MS = 29_000;

/** The Job/Batch routes, called in-process against DynamoDB Local and the local SQS server. */
export const jobsApi = {
  createJob: (apiKey: string, body: unknown) => invoke(createJob, { method: 'POST', resource: '/v1/jobs', apiKey, body }),
  postBatch: (apiKey: string, jobId: string, body: unknown) =>
    invoke(postBatch, { method: 'POST', resource: '/v1/jobs/{jobId}/batches', pathParameters: { jobId }, apiKey, body }, POST_BATCH_TIMEOUT_MS),
  getJob: (apiKey: string, jobId: string) => invoke(getJob, { method: 'GET', resource: '/v1/jobs/{jobId}', pathParameters: { jobId }, apiKey }),
  listJobs: (apiKey: string, query: Record<string, string> = {}) => invoke(listJobs, { method: 'GET', resource: '/v1/jobs', query, apiKey }),
  getBatch: (apiKey: string, jobId: string, batchId: string) =>
    invoke(getBatch, { method: 'GET', resource: '/v1/jobs/{jobId}/batches/{batchId}', pathParameters: { jobId, batchId }, apiKey }),
};

export const inventoryBatch = (entities: unknown[]) => ({ entityType: 'INVENTORY', action: 'UPSERT', entities });

/** Runs the processor until the batch is final (COMPLETE, PARTIAL or FAILED) and returns it; late in the full suite a 5,000-record batch has needed more than 20 s. */
export const settledBatch = (apiKey: string, jobId: string, batchId: string) => {
  const settled = (batch: Awaited<ReturnType<typeof jobsApi.getBatch>>) => ['COMPLETE', 'PARTIAL', 'FAILED'].includes(batch.body.status as string);
  return waitFor(
    async () => {
      const batch = await jobsApi.getBatch(apiKey, jobId, batchId);
      if (!settled(batch)) await runBatchProcessor();
      return batch;
    },
    { description: `batch ${batchId} to settle`, until: settled, timeoutMs: 60_000, intervalMs: 50 },
  );
};
