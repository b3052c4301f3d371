import * as z from 'zod';
import { orderReadsOf } from '../../shared/composition/order-reads';
import { retailerQuerySchema } from '../../shared/domain/orchestration/retailer-of-ref';
import { getOrder } from '../../shared/domain/orders/order-queries';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'ORDER_READ',
    scope: 'retailer',
    path: z.object({ ref: z.string() }),
    query: retailerQuerySchema,
    context: orderReadsOf,
  },
  ({ path, query }, principal, context) => getOrder({ ...query, ref: path.ref }, principal, context),
);
