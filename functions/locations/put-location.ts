import * as z from 'zod';
import { catalogOf } from '../../shared/composition/catalog';
import { locationInputSchema } from '../../shared/domain/locations/location';
import { putLocation } from '../../shared/domain/locations/locations';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'LOCATION_UPDATE',
    scope: 'shared',
    body: locationInputSchema,
    path: z.object({ ref: z.string() }),
    context: catalogOf,
  },
  ({ path, body }, principal, context) => putLocation({ ref: path.ref, location: body }, principal, context),
);
