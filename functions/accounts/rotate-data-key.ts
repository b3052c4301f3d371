import { dataKeys } from '../../shared/composition/data-keys';
import { rotateDataKey } from '../../shared/domain/privacy/rotate-data-key';
import { accountRoute } from '../../shared/http/account-route';

const context = () => ({ dataKeys: dataKeys() });

export const handler = accountRoute(
  { permission: 'DATA_KEY_ROTATE', scope: 'account', status: 201, context },
  (_input, principal, context) => rotateDataKey({}, principal, context),
);
