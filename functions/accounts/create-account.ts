import { createAccount, createAccountInputSchema } from '../../shared/domain/accounts/create-account';
import { operatorRoute } from '../../shared/http/route';
import { created } from '../../shared/http/response';

export const handler = operatorRoute({ body: createAccountInputSchema }, async ({ body, deps }) => {
  const account = await createAccount(body, { ...deps, stage: deps.settings.stage, region: deps.settings.region });
  return created(account);
});
