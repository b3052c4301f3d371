import * as z from 'zod';
import { roleAdministration } from '../../shared/composition/role-administration';
import { roleDefinitionSchema, roleNameSchema } from '../../shared/domain/accounts/custom-role';
import { defineRole, type DefinedRole } from '../../shared/domain/accounts/define-role';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'ROLE_UPDATE',
    scope: 'account',
    body: roleDefinitionSchema,
    path: z.object({ name: roleNameSchema }),
    // Replacing a role the account already had answers 200.
    status: (result: DefinedRole) => (result.created ? 201 : 200),
    view: (result: DefinedRole) => result.role,
    context: roleAdministration,
  },
  ({ body, path }, principal, context) => defineRole({ ...body, name: path.name }, principal, context),
);
