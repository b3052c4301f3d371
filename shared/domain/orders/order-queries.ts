import * as z from 'zod';
import type { Entity } from '../../engine/engine-model';
import type { Workflow } from '../../engine/workflow';
import type { EntityIndex } from '../../ports/entity-index';
import type { DataKeys } from '../../ports/keyring';
import type { OrderReturns } from '../../ports/order-returns';
import type { AccountPrincipal } from '../accounts/principal';
import { NotFoundError } from '../domain-errors';
import { customerAccessOf } from '../privacy/customer-access';
import type { AccountOrchestration } from '../orchestration/account-orchestration';
import { retailerOfRoot, type RetailerQuery } from '../orchestration/retailer-of-ref';
import { retailerFor } from '../orchestration/retailer-scope';
import { returnsOfOrder } from '../returns/return-queries';
import { FULFILMENT, ORDER, fulfilmentsOf } from './order';
import { orderSummary, orderView } from './order-view';
import { retailerIdSchema } from '../../engine/workflow';

/** An order named by its ref, in the namespace of the retailer the query names (see retailerOfRef). */
export type OrderRefInput = RetailerQuery & { ref: string };

/** The order of one retailer (see retailerOfRef): a key scoped to a retailer sees that retailer's orders only. */
const loadOrder = async (
  ref: string,
  query: RetailerQuery,
  account: Pick<AccountOrchestration, 'entities' | 'claims'>,
  scope: { retailerId?: string },
) => {
  const what = `order ${ref}`;
  const retailerId = await retailerOfRoot({ rootEntityType: ORDER, rootRef: ref, what }, query.retailerId, scope, account.claims);
  const entities = await account.entities.loadRoot(retailerId, ORDER, ref);
  const order = entities.find((entity) => entity.entityType === ORDER && entity.ref === ref);
  if (!order) throw new NotFoundError(`No ${what} in this account`);
  return { order, entities };
};

/**
 * The order with its customer's data (in clear for a caller with CUSTOMER_READ, masked otherwise)
 * and the returns opened against it.
 */
export const getOrder = async (
  { ref, ...query }: OrderRefInput,
  caller: Pick<AccountPrincipal, 'retailerId' | 'permissions'>,
  account: AccountOrchestration & { dataKeys: DataKeys; orderReturns: OrderReturns },
) => {
  const { order, entities } = await loadOrder(ref, query, account, caller);
  const [view, returns] = await Promise.all([
    orderView(order, entities, customerAccessOf({ accountId: account.accountId, permissions: caller.permissions }, account.dataKeys)),
    returnsOfOrder(order.retailerId, ref, account),
  ]);
  return { ...view, returns: returns.map((found) => ({ ref: found.ref, status: found.status })) };
};

export const orderListQuerySchema = z.strictObject({
  status: z.string().min(1).max(100).optional(),
  /** Orders whose ref begins with this, case-sensitive. */
  ref: z.string().min(1).max(200).optional(),
  retailerId: retailerIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

/**
 * Newest first. A retailer-scoped key sees its own retailer's orders only. `ref` searches by
 * prefix through the newest orders a bounded number at a time (see EntityIndex).
 */
export const listOrders = async (
  { ref, ...query }: z.infer<typeof orderListQuerySchema>,
  scope: { retailerId?: string },
  { entityIndex: index }: { entityIndex: EntityIndex },
) => {
  const retailerId = query.retailerId || scope.retailerId ? retailerFor(query.retailerId, scope, 'hide') : undefined;
  const page = await index.list({ entityType: ORDER, ...query, retailerId, ...(ref ? { refPrefix: ref } : {}) });
  return { items: page.items.map(orderSummary), cursor: page.cursor };
};

/** Events whose rulesets would run for this entity in its current status. */
const eventsAllowed = (workflow: Workflow, entity: Entity): string[] => {
  const names = workflow.rulesets
    .filter(
      (ruleset) =>
        ruleset.type === entity.entityType &&
        (!ruleset.subtype || ruleset.subtype === entity.subtype) &&
        (ruleset.eventType ?? 'NORMAL') === 'NORMAL' &&
        ruleset.name !== 'CREATE' &&
        (!ruleset.triggers?.length || ruleset.triggers.some((trigger) => trigger.status === entity.status)) &&
        ruleset.userAction !== false,
    )
    .map((ruleset) => ruleset.name);
  return [...new Set(names)];
};

/** The user actions open on the order and its fulfilments, from the workflow version the order runs on. */
export const orderTransitions = async (
  { ref, ...query }: OrderRefInput,
  scope: { retailerId?: string },
  account: AccountOrchestration,
) => {
  const { order, entities } = await loadOrder(ref, query, account, scope);
  const workflow = await account.workflows.get(
    { retailerId: order.retailerId, entityType: ORDER, subtype: order.subtype },
    order.workflowVersion,
  );
  if (!workflow) throw new NotFoundError(`The workflow of order ${ref} (version ${order.workflowVersion}) is gone`);
  return {
    ref,
    status: order.status,
    workflowVersion: order.workflowVersion,
    events: eventsAllowed(workflow, order),
    fulfilments: fulfilmentsOf(entities, ref).map((fulfilment) => ({
      ref: fulfilment.ref,
      status: fulfilment.status,
      entityType: FULFILMENT,
      events: eventsAllowed(workflow, fulfilment),
    })),
  };
};
