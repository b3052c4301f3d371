import { roles } from '../../shared/composition/authentication';
import { listRoles, type BuiltInRoleView } from '../../shared/domain/accounts/list-roles';
import type { RoleView } from '../../shared/domain/accounts/define-role';
import { accountRoute } from '../../shared/http/account-route';

const context = () => ({ roles: roles() });

export const handler = accountRoute(
  { permission: 'ROLE_READ', scope: 'account', view: (items: (BuiltInRoleView | RoleView)[]) => ({ items }), context },
  (_input, principal, context) => listRoles({}, principal, context),
);
