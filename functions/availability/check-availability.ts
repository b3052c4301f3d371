import { catalogFor } from '../../shared/config/catalog';
import { availabilityInputSchema, checkAvailability } from '../../shared/domain/sourcing/check-availability';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'INVENTORY_READ', scope: 'retailer', body: availabilityInputSchema }, async ({ principal, body }) =>
  ok(await checkAvailability(body, principal, catalogFor(principal.accountId))),
);
