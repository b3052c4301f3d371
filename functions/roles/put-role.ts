import { roleDefinitionSchema, roleNameSchema } from '../../shared/domain/accounts/custom-role';
import { defineRole } from '../../shared/domain/accounts/define-role';
import { validate } from '../../shared/http/request-body';
import { accountRoute } from '../../shared/http/route';
import { created, ok } from '../../shared/http/response';

export const handler = accountRoute(
  { permission: 'ROLE_UPDATE', scope: 'account', body: roleDefinitionSchema },
  async ({ principal, path, body, deps }) => {
    const { role, created: isNew } = await defineRole(principal, validate(roleNameSchema, path.name, 'name'), body, deps);
    return isNew ? created(role) : ok(role);
  },
);
