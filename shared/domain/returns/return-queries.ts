import type { Entity } from '../../engine/engine-model';
import type { OrderReturns } from '../../ports/order-returns';
import type { AccountOrchestration } from '../orchestration/account-orchestration';
import { retailerOfRoot, type RetailerQuery } from '../orchestration/retailer-of-ref';
import { NotFoundError } from '../domain-errors';
import { RETURN_ORDER } from './return-order';
import { returnView } from './return-view';

/** The return of this ref in the retailer's namespace, if it exists. */
export const loadReturn = async (retailerId: string, ref: string, account: Pick<AccountOrchestration, 'entities'>): Promise<Entity | undefined> =>
  (await account.entities.loadRoot(retailerId, RETURN_ORDER, ref)).find((entity) => entity.entityType === RETURN_ORDER && entity.ref === ref);

/**
 * The returns noted against an order that exist: a note is written before its return's CREATE
 * runs, so a return refused by its workflow leaves a note with no return behind it.
 */
export const returnsOfOrder = async (
  retailerId: string,
  orderRef: string,
  account: Pick<AccountOrchestration, 'entities'> & { orderReturns: OrderReturns },
): Promise<Entity[]> => {
  const refs = await account.orderReturns.list(retailerId, orderRef);
  const found = await Promise.all(refs.map((ref) => loadReturn(retailerId, ref, account)));
  return found.filter((entity): entity is Entity => entity !== undefined && entity.attributes?.orderRef === orderRef);
};

/** A return named by its ref; a key scoped to a retailer sees that retailer's returns only. */
export const getReturn = async (
  { ref, ...query }: RetailerQuery & { ref: string },
  scope: { retailerId?: string },
  account: Pick<AccountOrchestration, 'entities' | 'claims'>,
) => {
  const what = `return ${ref}`;
  const retailerId = await retailerOfRoot({ rootEntityType: RETURN_ORDER, rootRef: ref, what }, query.retailerId, scope, account.claims);
  const found = await loadReturn(retailerId, ref, account);
  if (!found) throw new NotFoundError(`No ${what} in this account`);
  return returnView(found);
};
