import { listRoles } from '../../shared/domain/accounts/list-roles';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'ROLE_READ', scope: 'account' }, async ({ principal, deps }) =>
  ok({ items: await listRoles(principal, deps) }),
);
