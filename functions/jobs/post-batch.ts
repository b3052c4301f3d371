import { jobsFor } from '../../shared/config/jobs';
import { batchInputSchema } from '../../shared/domain/jobs/batch';
import { submitBatch } from '../../shared/domain/jobs/submit-batch';
import { accountRoute } from '../../shared/http/route';

/** 5,000 records with long refs run past the usual body limit; Lambda takes up to 6 MB. */
const BATCH_BODY_BYTES = 6 * 1024 * 1024;

export const handler = accountRoute(
  { permission: 'JOB_CREATE', scope: 'retailer', body: batchInputSchema, maxBodyBytes: BATCH_BODY_BYTES },
  async ({ principal, path, body }) => ({
    status: 202,
    body: await submitBatch(path.jobId ?? '', body, principal, jobsFor(principal.accountId)),
  }),
);
