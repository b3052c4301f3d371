import * as z from 'zod';
import { accountAdministration } from '../../shared/composition/account-administration';
import { accountIdSchema } from '../../shared/domain/accounts/account';
import { updateAccount, updateAccountInputSchema } from '../../shared/domain/accounts/update-account';
import { operatorRoute } from '../../shared/http/operator-route';

export const handler = operatorRoute(
  { body: updateAccountInputSchema, path: z.object({ accountId: accountIdSchema }), context: accountAdministration },
  ({ body, path }, operator, context) => updateAccount({ ...body, accountId: path.accountId }, operator, context),
);
