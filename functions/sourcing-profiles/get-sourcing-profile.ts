import * as z from 'zod';
import { catalogOf } from '../../shared/composition/catalog';
import { getSourcingProfile } from '../../shared/domain/sourcing/sourcing-profiles';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'INVENTORY_READ', scope: 'retailer', path: z.object({ retailerId: z.string() }), context: catalogOf },
  ({ path }, principal, context) => getSourcingProfile(path, principal, context),
);
