import * as z from 'zod';
import { jobsOf } from '../../shared/composition/jobs';
import { batchInputSchema } from '../../shared/domain/jobs/batch';
import { submitBatch } from '../../shared/domain/jobs/submit-batch';
import { accountRoute } from '../../shared/http/account-route';

/** 5,000 records with long refs run past the usual body limit; Lambda takes up to 6 MB. */
const BATCH_BODY_BYTES = 6 * 1024 * 1024;

export const handler = accountRoute(
  {
    permission: 'JOB_CREATE',
    scope: 'retailer',
    body: batchInputSchema,
    path: z.object({ jobId: z.string() }),
    status: 202,
    maxBodyBytes: BATCH_BODY_BYTES,
    context: jobsOf,
  },
  ({ path, body }, principal, context) => submitBatch({ jobId: path.jobId, batch: body }, principal, context),
);
