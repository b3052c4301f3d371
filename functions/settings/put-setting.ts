import * as z from 'zod';
import { settingsOf } from '../../shared/composition/account-settings';
import { putSetting } from '../../shared/domain/settings/manage-settings';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'SETTINGS_UPDATE',
    scope: 'retailer',
    // The value's type depends on the setting, checked by the use case against the catalogue.
    body: z.strictObject({ value: z.union([z.boolean(), z.number(), z.null()]), retailerId: z.string().optional() }),
    path: z.object({ name: z.string().min(1).max(100) }),
    context: settingsOf,
  },
  ({ path, body }, principal, context) => putSetting({ name: path.name, ...body }, principal, context),
);
