import { accountContext } from '../../shared/composition/account-context';
import { workflowsOf } from '../../shared/composition/account-stores';
import { listWorkflows, workflowListQuerySchema } from '../../shared/domain/orchestration/workflow-summaries';
import { accountRoute } from '../../shared/http/account-route';

const context = (accountId: string) => ({ workflows: workflowsOf(accountContext(accountId)) });

export const handler = accountRoute(
  { permission: 'WORKFLOW_READ', scope: 'retailer', query: workflowListQuerySchema, context },
  ({ query }, principal, context) => listWorkflows(query, principal, context),
);
