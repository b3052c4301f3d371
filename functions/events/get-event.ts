import * as z from 'zod';
import { orchestrationOf } from '../../shared/composition/orchestration';
import { getEvent } from '../../shared/domain/orchestration/event-queries';
import { retailerQuerySchema } from '../../shared/domain/orchestration/retailer-of-ref';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'EVENT_READ',
    scope: 'retailer',
    path: z.object({ eventId: z.string() }),
    query: retailerQuerySchema,
    context: orchestrationOf,
  },
  ({ path, query }, principal, context) => getEvent({ ...query, eventId: path.eventId }, principal, context),
);
