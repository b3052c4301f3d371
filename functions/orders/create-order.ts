import { sealingOrchestrationOf } from '../../shared/composition/orchestration';
import { createOrder, type CreateOrderOutcome, type CreateOrderResult } from '../../shared/domain/orders/create-order';
import { orderInputSchema, orderModeSchema } from '../../shared/domain/orders/order-input';
import { accountRoute } from '../../shared/http/account-route';

// A resend while the first is still queued answers 202 and the pending order, as the order is not there yet.
const STATUSES: Record<CreateOrderOutcome, number> = { CREATED: 201, QUEUED: 202, EXISTS: 200 };

export const handler = accountRoute(
  {
    permission: 'ORDER_CREATE',
    scope: 'retailer',
    body: orderInputSchema,
    query: orderModeSchema,
    // The same order sent again answers 200 with the order as it is.
    status: (result: CreateOrderResult) => STATUSES[result.outcome],
    view: (result: CreateOrderResult) => result.order,
    context: sealingOrchestrationOf,
  },
  ({ body, query }, principal, context) => createOrder({ order: body, mode: query.mode }, principal, context),
);
