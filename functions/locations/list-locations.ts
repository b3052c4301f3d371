import { catalogOf } from '../../shared/composition/catalog';
import { listLocations } from '../../shared/domain/locations/locations';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'LOCATION_READ', scope: 'shared', context: catalogOf },
  (_input, principal, context) => listLocations({}, principal, context),
);
