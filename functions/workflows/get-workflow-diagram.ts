import { orchestrationOf } from '../../shared/composition/orchestration';
import { workflowPathSchema, workflowQuerySchema } from '../../shared/domain/orchestration/workflow-query';
import { getWorkflowDiagram } from '../../shared/domain/orchestration/workflows';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'WORKFLOW_READ',
    scope: 'retailer',
    path: workflowPathSchema,
    query: workflowQuerySchema,
    context: orchestrationOf,
  },
  ({ path, query }, principal, context) => getWorkflowDiagram({ ...query, ...path }, principal, context),
);
