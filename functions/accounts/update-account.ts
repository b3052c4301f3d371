import { accountIdSchema } from '../../shared/domain/accounts/account';
import { accountStatusInputSchema, setAccountStatus } from '../../shared/domain/accounts/set-account-status';
import { validate } from '../../shared/http/request-body';
import { operatorRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = operatorRoute({ body: accountStatusInputSchema }, async ({ path, body, deps }) =>
  ok(await setAccountStatus(validate(accountIdSchema, path.accountId, 'accountId'), body, deps)),
);
