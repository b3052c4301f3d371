import * as z from 'zod';
import { systemClock } from '../../shared/adapters/clock/system-clock';
import { controlPlane } from '../../shared/composition/control-plane';
import { accountIdSchema } from '../../shared/domain/accounts/account';
import { accountStatusInputSchema, setAccountStatus } from '../../shared/domain/accounts/set-account-status';
import { operatorRoute } from '../../shared/http/operator-route';

const context = () => ({ controlPlane: controlPlane(), clock: systemClock });

export const handler = operatorRoute(
  { body: accountStatusInputSchema, path: z.object({ accountId: accountIdSchema }), context },
  ({ body, path }, operator, context) => setAccountStatus({ ...body, accountId: path.accountId }, operator, context),
);
