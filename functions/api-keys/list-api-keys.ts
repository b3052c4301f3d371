import { listAccountApiKeys } from '../../shared/domain/accounts/list-api-keys';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'API_KEY_READ', scope: 'retailer' }, async ({ principal, deps }) =>
  ok({ items: await listAccountApiKeys(principal, deps) }),
);
