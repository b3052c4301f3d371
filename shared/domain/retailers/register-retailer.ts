import type { Clock } from '../../ports/clock';
import type { RetailerRegistry } from '../../ports/retailer-registry';
import type { SourcingProfileStore } from '../../ports/sourcing-profile-store';
import type { WorkflowRepository } from '../../ports/workflow-repository';
import type { AccountPrincipal } from '../accounts/principal';
import { retailerFor } from '../orchestration/retailer-scope';
import { referenceWorkflows } from '../orders/reference-workflows/order-reference-workflows';
import { referenceReturnWorkflow } from '../returns/reference-workflows/return-reference-workflow';
import { DEFAULT_SOURCING_PROFILE } from '../sourcing/sourcing-model';
import type { Retailer, RetailerTemplate, RetailerWorkflow } from './retailer';
import { latestWorkflows } from './retailer-workflows';

export interface RetailerAdministration {
  retailers: RetailerRegistry;
  workflows: WorkflowRepository;
  profiles: SourcingProfileStore;
  clock: Clock;
}

export interface RegisteredRetailer {
  retailer: Retailer;
  /** False when the retailer was registered already (201 against 200). */
  created: boolean;
}

/**
 * The reference workflows the retailer lacks, installed as version 1. A workflow the retailer
 * already has, reference or its own, is never replaced: registering again is safe.
 */
const installReferenceWorkflows = async (retailerId: string, account: RetailerAdministration, now: string): Promise<RetailerWorkflow[]> =>
  Promise.all(
    [...referenceWorkflows(retailerId), referenceReturnWorkflow(retailerId)].map(async (workflow) => {
      const existing = await account.workflows.get(workflow);
      const version = existing?.version ?? (await account.workflows.saveNewVersion(workflow, now));
      return { entityType: workflow.entityType, subtype: workflow.subtype, version };
    }),
  );

/**
 * Registers a retailer, or renames it. With the `reference` template it also gets the reference
 * HD and CC order workflows, the return workflow and the default sourcing profile, where it has none of its own.
 * The record is written last, so a registered retailer has what its template installs.
 * A key scoped to a retailer registers that retailer only.
 */
export const registerRetailer = async (
  { retailerId, name, template }: { retailerId: string; name: string; template: RetailerTemplate },
  scope: Pick<AccountPrincipal, 'retailerId'>,
  account: RetailerAdministration,
): Promise<RegisteredRetailer> => {
  const retailer = retailerFor(retailerId, scope);
  const now = account.clock.now().toISOString();
  let installed: RetailerWorkflow[] = [];
  if (template === 'reference') {
    installed = await installReferenceWorkflows(retailer, account, now);
    await account.profiles.putIfAbsent(retailer, DEFAULT_SOURCING_PROFILE);
  }
  const registered = await account.retailers.register({ retailerId: retailer, name, template, updatedOn: now });
  const workflows = latestWorkflows(await account.workflows.listVersions(retailer), installed);
  return { retailer: { ...registered.retailer, workflows }, created: registered.created };
};
