import { retailersOf } from '../../shared/composition/retailers';
import { retailerPathSchema } from '../../shared/domain/retailers/retailer';
import { getRetailer } from '../../shared/domain/retailers/retailer-queries';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'RETAILER_READ', scope: 'retailer', path: retailerPathSchema, context: retailersOf },
  ({ path }, principal, context) => getRetailer(path, principal, context),
);
