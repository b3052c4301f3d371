import * as z from 'zod';
import { settingsOf } from '../../shared/composition/account-settings';
import { listSettings } from '../../shared/domain/settings/manage-settings';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'SETTINGS_READ', scope: 'retailer', query: z.strictObject({ retailerId: z.string().optional() }), context: settingsOf },
  ({ query }, principal, context) => listSettings(query, principal, context),
);
