import * as z from 'zod';
import { orchestrationOf } from '../../shared/composition/orchestration';
import { workflowQuerySchema } from '../../shared/domain/orchestration/workflow-query';
import { getWorkflow } from '../../shared/domain/orchestration/workflows';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'WORKFLOW_READ',
    scope: 'retailer',
    path: z.object({ entityType: z.string(), subtype: z.string() }),
    query: workflowQuerySchema,
    context: orchestrationOf,
  },
  ({ path, query }, principal, context) => getWorkflow({ ...query, ...path }, principal, context),
);
