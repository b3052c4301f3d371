import { catalogOf } from '../../shared/composition/catalog';
import { inventoryQuerySchema, listInventory } from '../../shared/domain/inventory/inventory-positions';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'INVENTORY_READ', scope: 'shared', query: inventoryQuerySchema, context: catalogOf },
  ({ query }, principal, context) => listInventory(query, principal, context),
);
