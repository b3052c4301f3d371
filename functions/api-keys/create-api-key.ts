import { apiKeyAdministration } from '../../shared/composition/api-key-administration';
import { issueAccountApiKey, issueApiKeyInputSchema } from '../../shared/domain/accounts/issue-api-key';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'API_KEY_CREATE', scope: 'retailer', body: issueApiKeyInputSchema, status: 201, context: apiKeyAdministration },
  ({ body }, principal, context) => issueAccountApiKey(body, principal, context),
);
