import { workflowDiagram } from '../../engine/mermaid-diagram';
import type { Workflow, WorkflowKey } from '../../engine/workflow';
import { parseWorkflow } from '../../engine/workflow-validation';
import { NotFoundError, ValidationError } from '../domain-errors';
import type { AccountPrincipal } from '../accounts/principal';
import type { AccountOrchestration } from './account-orchestration';
import { requireRegistered } from '../retailers/retailer-gate';
import { retailerFor } from './retailer-scope';

/** A workflow named by its path, of the retailer the query names (a scoped key's own by default). */
export interface WorkflowRefInput {
  entityType: string;
  subtype: string;
  retailerId?: string;
  version?: number;
}

type Scope = Pick<AccountPrincipal, 'retailerId'>;

/** An uploaded workflow before validation: whatever it holds, its retailer is checked against the key first. */
type WorkflowBody = { retailerId?: string; [field: string]: unknown } | Workflow;

/**
 * Validates the whole workflow, listing every problem at once, and stores it as the next
 * version. The path names the root entity type and subtype; the body must agree. A key scoped
 * to a retailer uploads that retailer's workflows only (403 for another's); an unregistered retailer gets none.
 */
export const uploadWorkflow = async (
  { workflow: body, ...path }: { entityType: string; subtype: string; workflow: WorkflowBody },
  scope: Scope,
  account: Pick<AccountOrchestration, 'workflows' | 'registry' | 'clock' | 'retailers'>,
): Promise<{ version: number; warnings: { path: string; message: string }[] }> => {
  const retailerId = retailerFor(body.retailerId, scope);
  const { workflow, warnings } = parseWorkflow(body, account.registry);
  for (const field of ['entityType', 'subtype'] as const) {
    if (workflow[field] !== path[field]) {
      throw new ValidationError(`${field} is ${workflow[field]} in the body but ${path[field]} in the path`, field);
    }
  }
  await requireRegistered(retailerId, account.retailers);
  const { version: _ignored, ...unversioned } = workflow;
  const version = await account.workflows.saveNewVersion(unversioned, account.clock.now().toISOString());
  return { version, warnings };
};

const loadWorkflow = async (
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

/** A key scoped to a retailer reads that retailer's workflows only: another's is a 404, as if none were there. */
const keyOf = ({ entityType, subtype, retailerId }: WorkflowRefInput, scope: Scope): WorkflowKey => ({
  retailerId: retailerFor(retailerId, scope, 'hide'),
  entityType,
  subtype,
});

/** The workflow's latest version, or the version asked for. */
export const getWorkflow = async (
  input: WorkflowRefInput,
  scope: Scope,
  account: Pick<AccountOrchestration, 'workflows'>,
): Promise<Workflow & { version: number }> => loadWorkflow(keyOf(input, scope), input.version, account);

/** The workflow as a Mermaid state diagram. */
export const getWorkflowDiagram = async (
  input: WorkflowRefInput,
  scope: Scope,
  account: Pick<AccountOrchestration, 'workflows' | 'registry'>,
): Promise<{ version: number; mermaid: string }> => {
  const workflow = await loadWorkflow(keyOf(input, scope), input.version, account);
  return { version: workflow.version, mermaid: workflowDiagram(workflow, { registry: account.registry }) };
};
