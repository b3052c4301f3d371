import { getOwnAccount } from '../../shared/domain/accounts/get-account';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'ACCOUNT_READ', scope: 'account' }, async ({ principal, deps }) =>
  ok(await getOwnAccount(principal, deps)),
);
