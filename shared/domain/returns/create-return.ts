import type { OrdoEvent } from '../../engine/engine-model';
import type { OrderReturns } from '../../ports/order-returns';
import { ConflictError, NotFoundError, OrderNotAcceptedError, ValidationError } from '../domain-errors';
import type { AccountOrchestration } from '../orchestration/account-orchestration';
import { requestFingerprint } from '../orchestration/request-fingerprint';
import { retailerOfRoot } from '../orchestration/retailer-of-ref';
import { runEvent } from '../orchestration/run-event';
import { ORDER } from '../orders/order';
import type { ErrorDetail } from '../../engine/ordo-error';
import type { ReturnInput } from './return-input';
import { RETURN_ORDER, RETURN_SUBTYPE, returnAttributes, type ReturnAttributes, type ReturnLine } from './return-order';
import { loadReturn, returnsOfOrder } from './return-queries';
import { returnView, type ReturnView } from './return-view';
import { returnableLines } from './returnable-lines';

/** CREATED: a new return. EXISTS: the same return was created before; the answer is the return as it is now. */
export type CreateReturnResult = { outcome: 'CREATED' | 'EXISTS'; return: ReturnView };

export type ReturnsAccount = AccountOrchestration & { orderReturns: OrderReturns };

/**
 * The lines of the return, priced from the order. Each must name a line of the order and take
 * back no more than the customer received less what earlier returns take: a 400 naming the line.
 */
const returnLinesOf = (input: ReturnInput, returnable: ReturnType<typeof returnableLines>): ReturnLine[] => {
  const details: ErrorDetail[] = [];
  const lines = input.lines.flatMap((requested, index): ReturnLine[] => {
    const found = returnable.get(requested.lineRef);
    if (!found) {
      details.push({ field: `lines[${index}].lineRef`, message: `order ${input.orderRef} has no line ${requested.lineRef}` });
      return [];
    }
    if (requested.qty > found.returnable) {
      details.push({
        field: `lines[${index}].qty`,
        message:
          `line ${requested.lineRef} can return at most ${found.returnable}: ` +
          `${found.shipped} shipped, ${found.returned} in other returns`,
      });
      return [];
    }
    const { skuRef, unitPrice, currency } = found.line;
    return [{ lineRef: requested.lineRef, skuRef, qty: requested.qty, reason: requested.reason, unitPrice, currency }];
  });
  const currencies = new Set(lines.map((line) => line.currency));
  if (!details.length && currencies.size > 1) {
    details.push({ field: 'lines', message: `a return is refunded in one currency; these lines are in ${[...currencies].join(', ')}` });
  }
  const [first] = details;
  if (first) throw new ValidationError(`${first.field}: ${first.message}`, first.field, details.length > 1 ? details : []);
  return lines;
};

/**
 * Opens a return against an order by running the return workflow's CREATE, keyed by the return's
 * ref: the same ref with the same body answers with the existing return, another body is a
 * conflict. The return is of the order's retailer; a key scoped to another retailer gets 404.
 * The return is noted against the order before its CREATE runs, so the order lists it and the
 * next return counts it.
 */
export const createReturn = async (
  input: ReturnInput,
  scope: { retailerId?: string },
  account: ReturnsAccount,
): Promise<CreateReturnResult> => {
  const what = `order ${input.orderRef}`;
  const retailerId = await retailerOfRoot({ rootEntityType: ORDER, rootRef: input.orderRef, what }, input.retailerId, scope, account.claims);
  const requestHash = requestFingerprint({ ...input, retailerId });

  const existing = async (): Promise<CreateReturnResult | undefined> => {
    const found = await loadReturn(retailerId, input.ref, account);
    if (!found) return undefined;
    if (returnAttributes(found).requestHash !== requestHash) {
      throw new ConflictError(`Return ${input.ref} already exists with a different body`, 'ref');
    }
    return { outcome: 'EXISTS', return: returnView(found) };
  };
  const before = await existing();
  if (before) return before;

  const orderEntities = await account.entities.loadRoot(retailerId, ORDER, input.orderRef);
  const order = orderEntities.find((entity) => entity.entityType === ORDER && entity.ref === input.orderRef);
  if (!order) throw new NotFoundError(`No ${what} in this account`);
  if (!(await account.engine.hasWorkflow({ retailerId, entityType: RETURN_ORDER, subtype: RETURN_SUBTYPE }))) {
    throw new OrderNotAcceptedError(
      'WORKFLOW_NOT_FOUND',
      `Retailer ${retailerId} has no ${RETURN_ORDER}/${RETURN_SUBTYPE} workflow: register it again with PUT /v1/retailers/${retailerId}, or upload one`,
    );
  }
  const earlier = (await returnsOfOrder(retailerId, input.orderRef, account)).filter((entity) => entity.ref !== input.ref);
  const lines = returnLinesOf(input, returnableLines(order, orderEntities, earlier));

  const attributes: ReturnAttributes = {
    orderRef: input.orderRef,
    returnLocationRef: input.returnLocationRef,
    lines,
    currency: lines[0]?.currency ?? '',
    requestHash,
  };
  const event: OrdoEvent = {
    id: `return:${input.ref}:create`,
    name: 'CREATE',
    retailerId,
    entityType: RETURN_ORDER,
    entitySubtype: RETURN_SUBTYPE,
    entityRef: input.ref,
    attributes: attributes as unknown as Record<string, unknown>,
    source: 'API',
  };
  await account.orderReturns.add(retailerId, input.orderRef, input.ref);
  const result = await runEvent(event, account, { recordDuplicate: false });
  if (result.outcome === 'DUPLICATE') {
    const raced = await existing();
    if (raced) return raced;
  }
  if (result.outcome !== 'SUCCESS' || !result.entity) {
    throw new OrderNotAcceptedError(result.error?.code ?? result.outcome, result.error?.message ?? `The return's CREATE event was ${result.outcome}`);
  }
  const created = result.unitOfWork?.entities.find((change) => change.entity.entityType === RETURN_ORDER)?.entity ?? result.entity;
  return { outcome: 'CREATED', return: returnView(created) };
};
