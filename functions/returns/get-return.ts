import * as z from 'zod';
import { orchestrationOf } from '../../shared/composition/orchestration';
import { retailerQuerySchema } from '../../shared/domain/orchestration/retailer-of-ref';
import { getReturn } from '../../shared/domain/returns/return-queries';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'ORDER_READ',
    scope: 'retailer',
    path: z.object({ ref: z.string() }),
    query: retailerQuerySchema,
    context: orchestrationOf,
  },
  ({ path, query }, principal, context) => getReturn({ ...query, ref: path.ref }, principal, context),
);
