import { jobsOf } from '../../shared/composition/jobs';
import { jobInputSchema } from '../../shared/domain/jobs/job';
import { createJob } from '../../shared/domain/jobs/manage-jobs';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'JOB_CREATE', scope: 'retailer', body: jobInputSchema, status: 201, context: jobsOf },
  ({ body }, principal, context) => createJob(body, principal, context),
);
