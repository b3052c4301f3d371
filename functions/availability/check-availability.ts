import { catalogOf } from '../../shared/composition/catalog';
import { availabilityInputSchema, checkAvailability } from '../../shared/domain/sourcing/check-availability';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'INVENTORY_READ', scope: 'retailer', body: availabilityInputSchema, context: catalogOf },
  ({ body }, principal, context) => checkAvailability(body, principal, context),
);
