import { orchestrationFor } from '../../shared/config/orchestration';
import { orderTransitions } from '../../shared/domain/orders/order-queries';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'ORDER_READ', scope: 'retailer' }, async ({ principal, path }) =>
  ok(await orderTransitions(path.ref ?? '', orchestrationFor(principal.accountId), principal)),
);
