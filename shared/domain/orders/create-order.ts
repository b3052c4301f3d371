import type { Entity, OrdoEvent } from '../../engine/engine-model';
import type { DataKeys } from '../../ports/keyring';
import { ConflictError, OrderNotAcceptedError } from '../domain-errors';
import type { AccountOrchestration } from '../orchestration/account-orchestration';
import { requestFingerprint } from '../orchestration/request-fingerprint';
import { retailerFor } from '../orchestration/retailer-scope';
import { requireRegistered } from '../retailers/retailer-gate';
import { runEvent } from '../orchestration/run-event';
import { submitEvent } from '../orchestration/submit-event';
import type { AccountPrincipal } from '../accounts/principal';
import { customerAccessOf } from '../privacy/customer-access';
import { sealCustomerData } from '../privacy/customer-data';
import { orderSealer } from '../privacy/order-sealing';
import { ORDER, orderAttributes, type OrderAttributes } from './order';
import type { OrderInput } from './order-input';
import { orderView, type OrderView } from './order-view';

type PendingOrder = { ref: string; status: 'PENDING'; eventId: string };

/**
 * CREATED: a new order (async: pending in the queue). QUEUED: the same order was accepted before and still
 * waits in the queue, so it answers what the first call did. EXISTS: the order as it is now.
 */
export type CreateOrderOutcome = 'CREATED' | 'QUEUED' | 'EXISTS';

export type CreateOrderResult = { outcome: CreateOrderOutcome; order: OrderView | PendingOrder };

/**
 * Creates the order by running its workflow's CREATE event, keyed by the order ref: the
 * same ref with the same body answers with the existing order, another body is a conflict.
 * The customer's name, email, phone, address and exact coordinates are sealed with the
 * account's current data key; the answer shows them masked to a caller without CUSTOMER_READ.
 */
export const createOrder = async (
  { order: input, mode }: { order: OrderInput; mode: 'sync' | 'async' },
  caller: Pick<AccountPrincipal, 'retailerId' | 'permissions'>,
  account: AccountOrchestration & { dataKeys: DataKeys },
): Promise<CreateOrderResult> => {
  const keys = account.dataKeys;
  const retailerId = await requireRegistered(retailerFor(input.retailerId, caller), account.retailers);
  const requestHash = requestFingerprint(input);
  const access = customerAccessOf({ accountId: account.accountId, permissions: caller.permissions }, keys);

  const existing = async (): Promise<CreateOrderResult | undefined> => {
    const entities = await account.entities.loadRoot(retailerId, ORDER, input.ref);
    const order = entities.find((entity) => entity.entityType === ORDER && entity.ref === input.ref);
    if (!order) return undefined;
    if (orderAttributes(order).requestHash !== requestHash) {
      throw new ConflictError(`Order ${input.ref} already exists with a different body`, 'ref');
    }
    return { outcome: 'EXISTS', order: await orderView(order, entities, access) };
  };
  // Sync orders learn of an existing ref from the engine (the CREATE event id is derived from
  // the ref, so a resend is a DUPLICATE): no read up front. Async ones check before queueing.
  if (mode === 'async') {
    const found = await existing();
    if (found) return found;
  }
  // Before anything is written: without a workflow the engine would log a FAILED event for a refused order.
  if (!(await account.engine.hasWorkflow({ retailerId, entityType: ORDER, subtype: input.type }))) {
    throw new OrderNotAcceptedError(
      'WORKFLOW_NOT_FOUND',
      `Retailer ${retailerId} has no ${ORDER}/${input.type} workflow: upload one with PUT /v1/workflows/${ORDER}/${input.type}`,
    );
  }

  const seal = await orderSealer({ accountId: account.accountId, retailerId, ref: input.ref }, keys);
  const attributes = sealCustomerData(
    {
      type: input.type,
      lines: input.lines.map((line, index) => ({ lineRef: `L${index + 1}`, ...line })),
      customer: input.customer,
      requestHash,
      ...(input.deliveryAddress ? { deliveryAddress: input.deliveryAddress } : {}),
      ...(input.pickupLocationRef ? { pickupLocationRef: input.pickupLocationRef } : {}),
    },
    seal,
  );
  const event: OrdoEvent = {
    id: `order:${input.ref}:create`,
    name: 'CREATE',
    retailerId,
    entityType: ORDER,
    entitySubtype: input.type,
    entityRef: input.ref,
    attributes,
    source: 'API',
  };

  if (mode === 'async') {
    // Accepted before but not run yet: the queued CREATE decides between a resend and a conflict.
    const queued = await account.events.get(retailerId, event.id);
    if (queued) {
      if ((queued.event.event.attributes as Partial<OrderAttributes> | undefined)?.requestHash !== requestHash) {
        throw new ConflictError(`Order ${input.ref} was already accepted with a different body`, 'ref');
      }
      // Queued again, as a resent event is (submitEvent): the first call may have recorded it and then failed to
      // queue it, answering 5xx, and this resend is its only way onto the queue. The queue's deduplication folds a
      // second message sent soon after, and the engine reports a later one as a duplicate.
      if (queued.event.outcome === 'PENDING') await account.queue.enqueue({ accountId: account.accountId, event: queued.event.event });
      return { outcome: 'QUEUED', order: { ref: input.ref, status: 'PENDING', eventId: event.id } };
    }
    const submitted = await submitEvent(event, account);
    return { outcome: 'CREATED', order: { ref: input.ref, status: 'PENDING', eventId: submitted.eventId } };
  }
  // A resend with another body is refused with 409 and must write nothing: the duplicate is noted only once accepted.
  const result = await runEvent(event, account, { recordDuplicate: false });
  if (result.outcome === 'DUPLICATE') {
    const raced = await existing();
    if (raced) {
      await account.eventRecords.recordDuplicate(retailerId, event.id, account.clock.now().toISOString());
      return raced;
    }
  }
  if (result.outcome !== 'SUCCESS' || !result.entity) {
    throw new OrderNotAcceptedError(
      result.error?.code ?? result.outcome,
      result.error?.message ?? `The order's CREATE event was ${result.outcome}`,
    );
  }
  // Everything the execution created or changed: the order and its new fulfilments.
  const entities: Entity[] = (result.unitOfWork?.entities ?? []).map((change) => change.entity);
  const order = entities.find((entity) => entity.entityType === ORDER && entity.ref === input.ref) ?? result.entity;
  return { outcome: 'CREATED', order: await orderView(order, entities, access) };
};
