import { systemClock } from '../../shared/adapters/clock/system-clock';
import { accountProfiles } from '../../shared/composition/account-profiles';
import { accountTables } from '../../shared/composition/account-tables';
import { controlPlane } from '../../shared/composition/control-plane';
import { settings } from '../../shared/composition/settings';
import { createAccount, createAccountInputSchema, type CreateAccountDeps } from '../../shared/domain/accounts/create-account';
import { operatorRoute } from '../../shared/http/operator-route';

const context = (): CreateAccountDeps => ({
  controlPlane: controlPlane(),
  tables: accountTables(),
  profiles: accountProfiles(),
  clock: systemClock,
  stage: settings().stage,
  region: settings().region,
});

export const handler = operatorRoute({ body: createAccountInputSchema, status: 201, context }, ({ body }, operator, context) =>
  createAccount(body, operator, context),
);
