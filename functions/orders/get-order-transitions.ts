import { orchestrationFor } from '../../shared/config/orchestration';
import { orderTransitions } from '../../shared/domain/orders/order-queries';
import { retailerQuerySchema } from '../../shared/domain/orchestration/retailer-of-ref';
import { validate } from '../../shared/http/request-body';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'ORDER_READ', scope: 'retailer' }, async ({ principal, path, query }) =>
  ok(await orderTransitions(path.ref ?? '', validate(retailerQuerySchema, query), orchestrationFor(principal.accountId), principal)),
);
