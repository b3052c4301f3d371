import { issueAccountApiKey, issueApiKeyInputSchema } from '../../shared/domain/accounts/issue-api-key';
import { accountRoute } from '../../shared/http/route';
import { created } from '../../shared/http/response';

export const handler = accountRoute(
  { permission: 'API_KEY_CREATE', scope: 'retailer', body: issueApiKeyInputSchema },
  async ({ principal, body, deps }) => created(await issueAccountApiKey(principal, body, deps)),
);
