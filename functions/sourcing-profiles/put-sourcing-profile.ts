import * as z from 'zod';
import { catalogOf } from '../../shared/composition/catalog';
import { sourcingProfileSchema } from '../../shared/domain/sourcing/profile-schema';
import { putSourcingProfile } from '../../shared/domain/sourcing/sourcing-profiles';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'INVENTORY_UPDATE',
    scope: 'retailer',
    body: sourcingProfileSchema,
    path: z.object({ retailerId: z.string() }),
    context: catalogOf,
  },
  ({ path, body }, principal, context) => putSourcingProfile({ retailerId: path.retailerId, profile: body }, principal, context),
);
