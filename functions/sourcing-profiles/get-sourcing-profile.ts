import { catalogFor } from '../../shared/config/catalog';
import { getSourcingProfile } from '../../shared/domain/sourcing/sourcing-profiles';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'INVENTORY_READ', scope: 'retailer' }, async ({ principal, path }) =>
  ok(await getSourcingProfile(path.retailerId ?? '', principal, catalogFor(principal.accountId))),
);
