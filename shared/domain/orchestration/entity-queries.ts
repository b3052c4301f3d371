import { z } from 'zod';
import { entityKey } from '../../engine/model';
import type { Entity } from '../../engine/model';
import { NotFoundError } from '../errors';
import { withoutCustomerData } from '../privacy/customer-data';
import type { AccountOrchestration } from './account-orchestration';

export const entityQuerySchema = z.strictObject({
  rootEntityType: z.string().min(1).max(200).optional(),
  rootEntityRef: z.string().min(1).max(200).optional(),
});

/** An entity as the API shows it: customer data is read through GET /v1/orders/{ref} only. */
export const entityView = (entity: Entity): Entity => ({ ...entity, attributes: withoutCustomerData(entity.attributes) as Entity['attributes'] });

/** An entity as it stands now; children are found under their root (default: itself). */
export const getEntity = async (
  entityType: string,
  ref: string,
  root: z.infer<typeof entityQuerySchema>,
  account: Pick<AccountOrchestration, 'entities'>,
  scope: { retailerId?: string } = {},
) => {
  const entities = await account.entities.loadRoot(root.rootEntityType ?? entityType, root.rootEntityRef ?? ref);
  const entity = entities.find((candidate) => entityKey(candidate.entityType, candidate.ref) === entityKey(entityType, ref));
  // A retailer-scoped key sees its own retailer's entities only.
  if (!entity || (scope.retailerId && entity.retailerId !== scope.retailerId)) {
    throw new NotFoundError(`No ${entityType} ${ref} in this account`);
  }
  return entityView(entity);
};
