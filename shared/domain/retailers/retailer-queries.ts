import type { RetailerRegistry } from '../../ports/retailer-registry';
import type { WorkflowRepository } from '../../ports/workflow-repository';
import type { AccountPrincipal } from '../accounts/principal';
import { NotFoundError } from '../domain-errors';
import { retailerFor, visibleTo } from '../orchestration/retailer-scope';
import type { Retailer } from './retailer';
import { latestWorkflows } from './retailer-workflows';

type Scope = Pick<AccountPrincipal, 'retailerId'>;
type Reads = { retailers: Pick<RetailerRegistry, 'get' | 'list'>; workflows: Pick<WorkflowRepository, 'listVersions'> };

/** A registered retailer with its workflows; another retailer's is a 404 for a scoped key, as if it were not there. */
export const getRetailer = async ({ retailerId }: { retailerId: string }, scope: Scope, account: Reads): Promise<Retailer> => {
  const id = retailerFor(retailerId, scope, 'hide');
  const record = await account.retailers.get(id);
  if (!record) throw new NotFoundError(`Retailer ${id} is not registered`);
  return { ...record, workflows: latestWorkflows(await account.workflows.listVersions(id)) };
};

/** Every registered retailer, by retailerId; a key scoped to a retailer sees its own only. */
export const listRetailers = async (scope: Scope, account: Reads): Promise<{ items: Retailer[] }> => {
  const records = (await account.retailers.list()).filter((record) => visibleTo(record.retailerId, scope));
  if (records.length === 0) return { items: [] };
  const versions = await account.workflows.listVersions(scope.retailerId);
  const items = records
    .map((record) => ({ ...record, workflows: latestWorkflows(versions.filter((entry) => entry.retailerId === record.retailerId)) }))
    .sort((a, b) => a.retailerId.localeCompare(b.retailerId));
  return { items };
};
