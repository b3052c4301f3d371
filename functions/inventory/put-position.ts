import * as z from 'zod';
import { catalogOf } from '../../shared/composition/catalog';
import { setInventoryCount } from '../../shared/domain/inventory/inventory-positions';
import { positionInputSchema } from '../../shared/domain/inventory/position';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'INVENTORY_UPDATE',
    scope: 'shared',
    body: positionInputSchema,
    path: z.object({ locationRef: z.string(), skuRef: z.string() }),
    context: catalogOf,
  },
  ({ path, body }, principal, context) => setInventoryCount({ ...body, ...path }, principal, context),
);
