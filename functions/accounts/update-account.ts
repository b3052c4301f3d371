import * as z from 'zod';
import { accountAdministration } from '../../shared/composition/account-administration';
import { accountIdSchema } from '../../shared/domain/accounts/account';
import { accountStatusInputSchema, setAccountStatus } from '../../shared/domain/accounts/set-account-status';
import { operatorRoute } from '../../shared/http/operator-route';

export const handler = operatorRoute(
  { body: accountStatusInputSchema, path: z.object({ accountId: accountIdSchema }), context: accountAdministration },
  ({ body, path }, operator, context) => setAccountStatus({ ...body, accountId: path.accountId }, operator, context),
);
