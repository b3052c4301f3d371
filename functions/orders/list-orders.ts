import { orchestrationOf } from '../../shared/composition/orchestration';
import { listOrders, orderListQuerySchema } from '../../shared/domain/orders/order-queries';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'ORDER_READ', scope: 'retailer', query: orderListQuerySchema, context: orchestrationOf },
  ({ query }, principal, context) => listOrders(query, principal, context),
);
