import { workflowDiagram } from '../../engine/mermaid-diagram';
import type { Workflow, WorkflowKey } from '../../engine/workflow';
import { parseWorkflow } from '../../engine/workflow-validation';
import { NotFoundError, ValidationError } from '../domain-errors';
import type { AccountOrchestration } from './account-orchestration';

/**
 * Validates the whole workflow, listing every problem at once, and stores it as the next
 * version. The path names the root entity type and subtype; the body must agree.
 */
export const uploadWorkflow = async (
  path: { entityType: string; subtype: string },
  body: unknown,
  account: Pick<AccountOrchestration, 'workflows' | 'registry' | 'clock'>,
): Promise<{ version: number; warnings: { path: string; message: string }[] }> => {
  const { workflow, warnings } = parseWorkflow(body, account.registry);
  for (const field of ['entityType', 'subtype'] as const) {
    if (workflow[field] !== path[field]) {
      throw new ValidationError(`${field} is ${workflow[field]} in the body but ${path[field]} in the path`, field);
    }
  }
  const { version: _ignored, ...unversioned } = workflow;
  const version = await account.workflows.saveNewVersion(unversioned, account.clock.now().toISOString());
  return { version, warnings };
};

export const getWorkflow = async (
  key: WorkflowKey,
  version: number | undefined,
  account: Pick<AccountOrchestration, 'workflows'>,
): Promise<Workflow & { version: number }> => {
  const workflow = await account.workflows.get(key, version);
  if (!workflow) {
    const which = version === undefined ? '' : ` version ${version}`;
    throw new NotFoundError(`No workflow${which} for ${key.entityType}/${key.subtype} of retailer ${key.retailerId}`);
  }
  return workflow;
};

export const getWorkflowDiagram = async (
  key: WorkflowKey,
  version: number | undefined,
  account: Pick<AccountOrchestration, 'workflows' | 'registry'>,
): Promise<{ version: number; mermaid: string }> => {
  const workflow = await getWorkflow(key, version, account);
  return { version: workflow.version, mermaid: workflowDiagram(workflow, { registry: account.registry }) };
};
