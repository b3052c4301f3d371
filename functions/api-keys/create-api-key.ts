import { roles } from '../../shared/composition/authentication';
import { controlPlane } from '../../shared/composition/control-plane';
import { systemClock } from '../../shared/adapters/clock/system-clock';
import { issueAccountApiKey, issueApiKeyInputSchema } from '../../shared/domain/accounts/issue-api-key';
import { accountRoute } from '../../shared/http/account-route';

const context = () => ({ controlPlane: controlPlane(), roles: roles(), clock: systemClock });

export const handler = accountRoute(
  { permission: 'API_KEY_CREATE', scope: 'retailer', body: issueApiKeyInputSchema, status: 201, context },
  ({ body }, principal, context) => issueAccountApiKey(body, principal, context),
);
