import { catalogFor } from '../../shared/config/catalog';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'LOCATION_READ', scope: 'shared' }, async ({ principal }) =>
  ok({ items: await catalogFor(principal.accountId).locations.list() }),
);
