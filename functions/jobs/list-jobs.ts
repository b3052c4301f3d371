import { jobsOf } from '../../shared/composition/jobs';
import { jobListQuerySchema } from '../../shared/domain/jobs/job';
import { listJobs } from '../../shared/domain/jobs/manage-jobs';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'JOB_READ', scope: 'retailer', query: jobListQuerySchema, context: jobsOf },
  ({ query }, principal, context) => listJobs(query, principal, context),
);
