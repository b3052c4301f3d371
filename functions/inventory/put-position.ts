import { catalogFor } from '../../shared/config/catalog';
import { setInventoryCount } from '../../shared/domain/inventory/inventory-positions';
import { positionInputSchema } from '../../shared/domain/inventory/position';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute(
  { permission: 'INVENTORY_UPDATE', scope: 'shared', body: positionInputSchema },
  async ({ principal, path, body, deps }) =>
    ok(
      await setInventoryCount(
        { locationRef: path.locationRef ?? '', skuRef: path.skuRef ?? '' },
        body,
        principal,
        { ...catalogFor(principal.accountId), clock: deps.clock },
      ),
    ),
);
