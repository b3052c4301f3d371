import { jobsFor } from '../../shared/config/jobs';
import { getBatch } from '../../shared/domain/jobs/manage-jobs';
import { ok } from '../../shared/http/response';
import { accountRoute } from '../../shared/http/route';

export const handler = accountRoute({ permission: 'JOB_READ', scope: 'retailer' }, async ({ principal, path }) =>
  ok(await getBatch(path.jobId ?? '', path.batchId ?? '', principal, jobsFor(principal.accountId))),
);
