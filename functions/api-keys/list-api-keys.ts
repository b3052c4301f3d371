import { controlPlane } from '../../shared/composition/control-plane';
import { listAccountApiKeys, type ApiKeySummary } from '../../shared/domain/accounts/list-api-keys';
import { accountRoute } from '../../shared/http/account-route';

const context = () => ({ controlPlane: controlPlane() });

export const handler = accountRoute(
  { permission: 'API_KEY_READ', scope: 'retailer', view: (items: ApiKeySummary[]) => ({ items }), context },
  (_input, principal, context) => listAccountApiKeys({}, principal, context),
);
