import * as z from 'zod';
import { sealingOrchestrationOf } from '../../shared/composition/orchestration';
import { retailerQuerySchema } from '../../shared/domain/orchestration/retailer-of-ref';
import { getOrder } from '../../shared/domain/orders/order-queries';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'ORDER_READ',
    scope: 'retailer',
    path: z.object({ ref: z.string() }),
    query: retailerQuerySchema,
    context: sealingOrchestrationOf,
  },
  ({ path, query }, principal, context) => getOrder({ ...query, ref: path.ref }, principal, context),
);
