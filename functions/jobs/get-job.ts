import * as z from 'zod';
import { jobsOf } from '../../shared/composition/jobs';
import { getJob } from '../../shared/domain/jobs/manage-jobs';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'JOB_READ', scope: 'retailer', path: z.object({ jobId: z.string() }), context: jobsOf },
  ({ path }, principal, context) => getJob(path, principal, context),
);
