import * as z from 'zod';
import { retailerIdSchema } from '../../engine/workflow';
import type { WorkflowRepository, WorkflowVersionEntry } from '../../ports/workflow-repository';
import type { AccountPrincipal } from '../accounts/principal';

export const workflowListQuerySchema = z.strictObject({ retailerId: retailerIdSchema.optional() });

export interface WorkflowSummary {
  retailerId: string;
  entityType: string;
  subtype: string;
  latestVersion: number;
  /** Newest first. */
  versions: { version: number; createdOn: string }[];
}

type Keyed = Pick<WorkflowVersionEntry, 'retailerId' | 'entityType' | 'subtype'>;

const summaryKey = ({ retailerId, entityType, subtype }: Keyed) => JSON.stringify([retailerId, entityType, subtype]);

const byKey = (a: Keyed, b: Keyed) =>
  a.retailerId.localeCompare(b.retailerId) || a.entityType.localeCompare(b.entityType) || a.subtype.localeCompare(b.subtype);

const summarise = (entries: WorkflowVersionEntry[]): WorkflowSummary[] => {
  const summaries = new Map<string, WorkflowSummary>();
  for (const entry of entries) {
    const key = summaryKey(entry);
    const summary = summaries.get(key) ?? { retailerId: entry.retailerId, entityType: entry.entityType, subtype: entry.subtype, latestVersion: 0, versions: [] };
    summary.versions.push({ version: entry.version, createdOn: entry.createdOn });
    summary.latestVersion = Math.max(summary.latestVersion, entry.version);
    summaries.set(key, summary);
  }
  return [...summaries.values()]
    .map((summary) => ({ ...summary, versions: summary.versions.sort((a, b) => b.version - a.version) }))
    .sort(byKey);
};

/**
 * Every workflow of the account with its versions, by retailer, entity type and subtype. A key
 * scoped to a retailer sees that retailer's only: naming another lists nothing, since a listing
 * says nothing of what another retailer holds.
 */
export const listWorkflows = async (
  query: z.infer<typeof workflowListQuerySchema>,
  scope: Pick<AccountPrincipal, 'retailerId'>,
  account: { workflows: Pick<WorkflowRepository, 'listVersions'> },
): Promise<{ items: WorkflowSummary[] }> => {
  if (scope.retailerId && query.retailerId && query.retailerId !== scope.retailerId) return { items: [] };
  const entries = await account.workflows.listVersions(scope.retailerId ?? query.retailerId);
  return { items: summarise(entries) };
};
