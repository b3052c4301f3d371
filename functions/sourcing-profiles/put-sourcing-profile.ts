import { catalogFor } from '../../shared/config/catalog';
import { sourcingProfileSchema } from '../../shared/domain/sourcing/profile-schema';
import { putSourcingProfile } from '../../shared/domain/sourcing/sourcing-profiles';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute(
  { permission: 'INVENTORY_UPDATE', scope: 'retailer', body: sourcingProfileSchema },
  async ({ principal, path, body }) =>
    ok(await putSourcingProfile(path.retailerId ?? '', body, principal, catalogFor(principal.accountId))),
);
