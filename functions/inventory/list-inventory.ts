import { catalogFor } from '../../shared/config/catalog';
import { inventoryQuerySchema, listInventory } from '../../shared/domain/inventory/inventory-positions';
import { validate } from '../../shared/http/request-body';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'INVENTORY_READ', scope: 'shared' }, async ({ principal, query }) =>
  ok(await listInventory(validate(inventoryQuerySchema, query), catalogFor(principal.accountId))),
);
