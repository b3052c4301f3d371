import { rotateDataKey } from '../../shared/domain/privacy/rotate-data-key';
import { accountRoute } from '../../shared/http/route';

export const handler = accountRoute({ permission: 'DATA_KEY_ROTATE', scope: 'account' }, async ({ principal, deps }) => ({
  status: 201,
  body: await rotateDataKey(principal, deps.dataKeys),
}));
