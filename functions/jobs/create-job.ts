import { jobsFor } from '../../shared/config/jobs';
import { jobInputSchema } from '../../shared/domain/jobs/job';
import { createJob } from '../../shared/domain/jobs/manage-jobs';
import { accountRoute } from '../../shared/http/route';

export const handler = accountRoute({ permission: 'JOB_CREATE', scope: 'retailer', body: jobInputSchema }, async ({ principal, body }) => {
  const job = await createJob(body, principal, jobsFor(principal.accountId));
  return { status: 201, body: job };
});
