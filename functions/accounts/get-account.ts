import { accountProfiles } from '../../shared/composition/account-profiles';
import { controlPlane } from '../../shared/composition/control-plane';
import { getOwnAccount } from '../../shared/domain/accounts/get-account';
import { accountRoute } from '../../shared/http/account-route';

const context = () => ({ profiles: accountProfiles(), controlPlane: controlPlane() });

export const handler = accountRoute({ permission: 'ACCOUNT_READ', scope: 'account', context }, (_input, principal, context) =>
  getOwnAccount({}, principal, context),
);
