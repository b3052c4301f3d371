import * as z from 'zod';
import { orchestrationOf } from '../../shared/composition/orchestration';
import { entityQuerySchema, getEntity } from '../../shared/domain/orchestration/entity-queries';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'ENTITY_READ',
    scope: 'retailer',
    path: z.object({ entityType: z.string(), ref: z.string() }),
    query: entityQuerySchema,
    context: orchestrationOf,
  },
  ({ path, query }, principal, context) => getEntity({ ...query, ...path }, principal, context),
);
