import * as z from 'zod';
import { catalogOf } from '../../shared/composition/catalog';
import { getLocation } from '../../shared/domain/locations/locations';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'LOCATION_READ', scope: 'shared', path: z.object({ ref: z.string() }), context: catalogOf },
  ({ path }, principal, context) => getLocation(path, principal, context),
);
