import * as z from 'zod';
import { apiKeyAdministration } from '../../shared/composition/api-key-administration';
import { revokeAccountApiKey } from '../../shared/domain/accounts/revoke-api-key';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'API_KEY_DELETE', scope: 'retailer', path: z.object({ keyId: z.string() }), status: 204, context: apiKeyAdministration },
  ({ path }, principal, context) => revokeAccountApiKey(path, principal, context),
);
