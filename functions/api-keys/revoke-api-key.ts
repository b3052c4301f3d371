import { revokeAccountApiKey } from '../../shared/domain/accounts/revoke-api-key';
import { accountRoute } from '../../shared/http/route';
import { noContent } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'API_KEY_DELETE', scope: 'retailer' }, async ({ principal, path, deps }) => {
  await revokeAccountApiKey(principal, path.keyId ?? '', deps);
  return noContent();
});
