import { retailersOf } from '../../shared/composition/retailers';
import { retailerBodySchema, retailerPathSchema } from '../../shared/domain/retailers/retailer';
import { registerRetailer, type RegisteredRetailer } from '../../shared/domain/retailers/register-retailer';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'RETAILER_UPDATE',
    scope: 'retailer',
    body: retailerBodySchema,
    path: retailerPathSchema,
    status: ({ created }: RegisteredRetailer) => (created ? 201 : 200),
    view: ({ retailer }) => retailer,
    context: retailersOf,
  },
  ({ path, body }, principal, context) => registerRetailer({ ...path, ...body }, principal, context),
);
