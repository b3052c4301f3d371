import { jobsFor } from '../../shared/config/jobs';
import { getJob } from '../../shared/domain/jobs/jobs';
import { ok } from '../../shared/http/response';
import { accountRoute } from '../../shared/http/route';

export const handler = accountRoute({ permission: 'INVENTORY_READ' }, async ({ principal, path }) =>
  ok(await getJob(path.jobId ?? '', jobsFor(principal.accountId))),
);
