import { handler as createJob } from '../../functions/jobs/create-job';
import { handler as getBatch } from '../../functions/jobs/get-batch';
import { handler as getJob } from '../../functions/jobs/get-job';
import { handler as postBatch } from '../../functions/jobs/post-batch';
import { invoke } from '../support/api-gateway-event';
import { runBatchProcessor } from '../support/inventory-queue';

export { runBatchProcessor };

/** The Job/Batch routes, called in-process against DynamoDB Local and the local SQS server. */
export const jobsApi = {
  createJob: (apiKey: string, body: unknown) => invoke(createJob, { method: 'POST', resource: '/v1/jobs', apiKey, body }),
  postBatch: (apiKey: string, jobId: string, body: unknown) =>
    invoke(postBatch, { method: 'POST', resource: '/v1/jobs/{jobId}/batches', pathParameters: { jobId }, apiKey, body }),
  getJob: (apiKey: string, jobId: string) => invoke(getJob, { method: 'GET', resource: '/v1/jobs/{jobId}', pathParameters: { jobId }, apiKey }),
  getBatch: (apiKey: string, jobId: string, batchId: string) =>
    invoke(getBatch, { method: 'GET', resource: '/v1/jobs/{jobId}/batches/{batchId}', pathParameters: { jobId, batchId }, apiKey }),
};

export const inventoryBatch = (entities: unknown[]) => ({ entityType: 'INVENTORY', action: 'UPSERT', entities });

/** Runs the processor until the batch is final (COMPLETE, PARTIAL or FAILED) and returns it. */
export const settledBatch = async (apiKey: string, jobId: string, batchId: string) => {
  for (let attempt = 0; attempt < 100; attempt++) {
    const batch = await jobsApi.getBatch(apiKey, jobId, batchId);
    if (['COMPLETE', 'PARTIAL', 'FAILED'].includes(batch.body.status as string)) return batch;
    await runBatchProcessor();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`batch ${batchId} did not settle`);
};
