import { orchestrationFor } from '../../shared/config/orchestration';
import { createOrder } from '../../shared/domain/orders/create-order';
import { orderInputSchema, orderModeSchema } from '../../shared/domain/orders/order-input';
import { validate } from '../../shared/http/request-body';
import { accountRoute } from '../../shared/http/route';

export const handler = accountRoute({ permission: 'ORDER_CREATE', scope: 'retailer', body: orderInputSchema }, async ({ principal, body, query, deps }) => {
  const { mode } = validate(orderModeSchema, query);
  const result = await createOrder(body, mode, principal, orchestrationFor(principal.accountId), deps.dataKeys);
  return { status: result.created ? 201 : 200, body: result.order };
});
