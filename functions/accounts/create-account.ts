import { accountAdministration } from '../../shared/composition/account-administration';
import { createAccount, createAccountInputSchema } from '../../shared/domain/accounts/create-account';
import { operatorRoute } from '../../shared/http/operator-route';

export const handler = operatorRoute({ body: createAccountInputSchema, status: 201, context: accountAdministration }, ({ body }, operator, context) =>
  createAccount(body, operator, context),
);
