import { handler as getRetailer } from '../../functions/retailers/get-retailer';
import { handler as listRetailers } from '../../functions/retailers/list-retailers';
import { handler as putRetailer } from '../../functions/retailers/put-retailer';
import { invoke } from '../support/api-gateway-event';

/** The retailer routes, called in-process against DynamoDB Local. */
export const retailersApi = {
  putRetailer: (apiKey: string, retailerId: string, body: unknown) =>
    invoke(putRetailer, { method: 'PUT', resource: '/v1/retailers/{retailerId}', pathParameters: { retailerId }, apiKey, body }),
  getRetailer: (apiKey: string, retailerId: string) =>
    invoke(getRetailer, { method: 'GET', resource: '/v1/retailers/{retailerId}', pathParameters: { retailerId }, apiKey }),
  listRetailers: (apiKey: string) => invoke(listRetailers, { method: 'GET', resource: '/v1/retailers', apiKey }),
};
