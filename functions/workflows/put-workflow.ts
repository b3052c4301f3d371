import * as z from 'zod';
import { orchestrationOf } from '../../shared/composition/orchestration';
import { workflowPathSchema } from '../../shared/domain/orchestration/workflow-query';
import { uploadWorkflow } from '../../shared/domain/orchestration/workflows';
import { accountRoute } from '../../shared/http/account-route';

// The engine's workflow schema validates the body, listing every problem at once.
const body = z.looseObject({ retailerId: z.string().optional() });

export const handler = accountRoute(
  {
    permission: 'WORKFLOW_UPDATE',
    scope: 'retailer',
    body,
    path: workflowPathSchema,
    status: 201,
    context: orchestrationOf,
  },
  ({ path, body }, principal, context) => uploadWorkflow({ ...path, workflow: body }, principal, context),
);
