import * as z from 'zod';
import { systemClock } from '../../shared/adapters/clock/system-clock';
import { roles } from '../../shared/composition/authentication';
import { controlPlane } from '../../shared/composition/control-plane';
import { revokeAccountApiKey } from '../../shared/domain/accounts/revoke-api-key';
import { accountRoute } from '../../shared/http/account-route';

const context = () => ({ controlPlane: controlPlane(), roles: roles(), clock: systemClock });

export const handler = accountRoute(
  { permission: 'API_KEY_DELETE', scope: 'retailer', path: z.object({ keyId: z.string() }), status: 204, context },
  ({ path }, principal, context) => revokeAccountApiKey(path, principal, context),
);
