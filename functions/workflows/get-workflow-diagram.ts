import { orchestrationFor } from '../../shared/config/orchestration';
import { workflowQuerySchema } from '../../shared/domain/orchestration/workflow-query';
import { retailerFor } from '../../shared/domain/orchestration/retailer-scope';
import { getWorkflowDiagram } from '../../shared/domain/orchestration/workflows';
import { validate } from '../../shared/http/request-body';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'WORKFLOW_READ', scope: 'retailer' }, async ({ principal, path, query }) => {
  const { retailerId, version } = validate(workflowQuerySchema, query);
  const key = { retailerId: retailerFor(retailerId, principal, 'hide'), entityType: path.entityType ?? '', subtype: path.subtype ?? '' };
  return ok(await getWorkflowDiagram(key, version, orchestrationFor(principal.accountId)));
});
