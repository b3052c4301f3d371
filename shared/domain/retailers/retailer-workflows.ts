import type { WorkflowVersionEntry } from '../../ports/workflow-repository';
import type { RetailerWorkflow } from './retailer';

const keyOf = ({ entityType, subtype }: Pick<RetailerWorkflow, 'entityType' | 'subtype'>) => `${entityType}/${subtype}`;

/** The latest version of each workflow, by entity type and subtype; `known` wins over a listing that may lag. */
export const latestWorkflows = (entries: Pick<WorkflowVersionEntry, 'entityType' | 'subtype' | 'version'>[], known: RetailerWorkflow[] = []): RetailerWorkflow[] => {
  const latest = new Map<string, RetailerWorkflow>();
  for (const { entityType, subtype, version } of [...entries, ...known]) {
    const current = latest.get(keyOf({ entityType, subtype }));
    if (!current || current.version < version) latest.set(keyOf({ entityType, subtype }), { entityType, subtype, version });
  }
  return [...latest.values()].sort((a, b) => a.entityType.localeCompare(b.entityType) || a.subtype.localeCompare(b.subtype));
};
