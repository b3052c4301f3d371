import { sealingOrchestrationOf } from '../../shared/composition/orchestration';
import { createOrder, type CreateOrderResult } from '../../shared/domain/orders/create-order';
import { orderInputSchema, orderModeSchema } from '../../shared/domain/orders/order-input';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'ORDER_CREATE',
    scope: 'retailer',
    body: orderInputSchema,
    query: orderModeSchema,
    // The same order sent again answers 200 with the order as it is.
    status: (result: CreateOrderResult) => (result.created ? 201 : 200),
    view: (result: CreateOrderResult) => result.order,
    context: sealingOrchestrationOf,
  },
  ({ body, query }, principal, context) => createOrder({ order: body, mode: query.mode }, principal, context),
);
