import * as z from 'zod';
import { entityKey } from '../../engine/engine-model';
import type { Entity } from '../../engine/engine-model';
import type { AccountPrincipal } from '../accounts/principal';
import { NotFoundError } from '../domain-errors';
import { withoutCustomerData } from '../privacy/customer-data';
import type { AccountOrchestration } from './account-orchestration';
import { retailerOfRoot, retailerQuerySchema } from './retailer-of-ref';

export const entityQuerySchema = retailerQuerySchema.extend({
  rootEntityType: z.string().min(1).max(200).optional(),
  rootEntityRef: z.string().min(1).max(200).optional(),
});

/** An entity as the API shows it: customer data is read through GET /v1/orders/{ref} only. */
export const entityView = (entity: Entity): Entity => ({ ...entity, attributes: withoutCustomerData(entity.attributes) as Entity['attributes'] });

/**
 * An entity as it stands now; children are found under their root (default: itself), in the
 * namespace of the root's retailer (see retailerOfRef).
 */
export const getEntity = async (
  { entityType, ref, ...query }: z.infer<typeof entityQuerySchema> & { entityType: string; ref: string },
  scope: Pick<AccountPrincipal, 'retailerId'>,
  account: Pick<AccountOrchestration, 'entities' | 'claims'>,
) => {
  const what = `${entityType} ${ref}`;
  const rootEntityType = query.rootEntityType ?? entityType;
  const rootRef = query.rootEntityRef ?? ref;
  const retailerId = await retailerOfRoot({ rootEntityType, rootRef, what }, query.retailerId, scope, account.claims);
  const entities = await account.entities.loadRoot(retailerId, rootEntityType, rootRef);
  const entity = entities.find((candidate) => entityKey(candidate.entityType, candidate.ref) === entityKey(entityType, ref));
  if (!entity) throw new NotFoundError(`No ${what} in this account`);
  return entityView(entity);
};
