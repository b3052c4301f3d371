import { orchestrationFor } from '../../shared/config/orchestration';
import { listOrders, orderListQuerySchema } from '../../shared/domain/orders/order-queries';
import { validate } from '../../shared/http/request-body';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'ORDER_READ', scope: 'retailer' }, async ({ principal, query }) =>
  ok(await listOrders(validate(orderListQuerySchema, query), principal, orchestrationFor(principal.accountId).entityIndex)),
);
