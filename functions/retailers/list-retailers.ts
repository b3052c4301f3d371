import { retailersOf } from '../../shared/composition/retailers';
import { listRetailers } from '../../shared/domain/retailers/retailer-queries';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'RETAILER_READ', scope: 'retailer', context: retailersOf },
  (_input, principal, context) => listRetailers(principal, context),
);
