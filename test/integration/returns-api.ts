import { handler as createReturn } from '../../functions/returns/create-return';
import { handler as getReturn } from '../../functions/returns/get-return';
import { invoke } from '../support/api-gateway-event';
import { RETAILER } from './orders-api';
import { orchestrationApi } from './orchestration-api';

/** The return routes, called in-process against DynamoDB Local. */
export const returnsApi = {
  createReturn: (apiKey: string, body: unknown) => invoke(createReturn, { method: 'POST', resource: '/v1/returns', apiKey, body }),
  getReturn: (apiKey: string, ref: string, query: Record<string, string> = {}) =>
    invoke(getReturn, { method: 'GET', resource: '/v1/returns/{ref}', pathParameters: { ref }, query, apiKey }),
};

/** A RETURN_ORDER event, posted to /v1/events/sync. */
export const returnEventSync = (apiKey: string, returnRef: string, name: string, attributes?: Record<string, unknown>, retailerId = RETAILER) =>
  orchestrationApi.postEventSync(apiKey, {
    name,
    retailerId,
    entityType: 'RETURN_ORDER',
    entitySubtype: 'DEFAULT',
    entityRef: returnRef,
    rootEntityType: 'RETURN_ORDER',
    rootEntityRef: returnRef,
    ...(attributes ? { attributes } : {}),
  });
