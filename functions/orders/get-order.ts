import { orchestrationFor } from '../../shared/config/orchestration';
import { getOrder } from '../../shared/domain/orders/order-queries';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'ORDER_READ', scope: 'retailer' }, async ({ principal, path, deps }) =>
  ok(await getOrder(path.ref ?? '', orchestrationFor(principal.accountId), deps.dataKeys, principal)),
);
