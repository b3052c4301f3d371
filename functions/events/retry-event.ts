import * as z from 'zod';
import { orchestrationOf } from '../../shared/composition/orchestration';
import { retailerQuerySchema } from '../../shared/domain/orchestration/retailer-of-ref';
import { retryEvent } from '../../shared/domain/orchestration/retry-event';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'EVENT_CREATE',
    scope: 'retailer',
    path: z.object({ eventId: z.string() }),
    query: retailerQuerySchema,
    status: 202,
    context: orchestrationOf,
  },
  ({ path, query }, principal, context) => retryEvent({ ...query, eventId: path.eventId }, principal, context),
);
