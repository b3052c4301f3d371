import { handler as listInventory } from '../../functions/inventory/list-inventory';
import { handler as putPosition } from '../../functions/inventory/put-position';
import { handler as getLocation } from '../../functions/locations/get-location';
import { handler as listLocations } from '../../functions/locations/list-locations';
import { handler as putLocation } from '../../functions/locations/put-location';
import { invoke } from '../support/api-gateway-event';

/** The location and inventory routes, called in-process against DynamoDB Local. */
export const catalogApi = {
  putLocation: (apiKey: string, ref: string, body: unknown) =>
    invoke(putLocation, { method: 'PUT', resource: '/v1/locations/{ref}', pathParameters: { ref }, apiKey, body }),
  getLocation: (apiKey: string, ref: string) =>
    invoke(getLocation, { method: 'GET', resource: '/v1/locations/{ref}', pathParameters: { ref }, apiKey }),
  listLocations: (apiKey: string) => invoke(listLocations, { method: 'GET', resource: '/v1/locations', apiKey }),
  putPosition: (apiKey: string, locationRef: string, skuRef: string, body: unknown) =>
    invoke(putPosition, {
      method: 'PUT',
      resource: '/v1/inventory/{locationRef}/{skuRef}',
      pathParameters: { locationRef, skuRef },
      apiKey,
      body,
    }),
  listInventory: (apiKey: string, query: Record<string, string>) =>
    invoke(listInventory, { method: 'GET', resource: '/v1/inventory', query, apiKey }),
};

export const store = (lat: number, lon: number, name = 'Store') => ({ type: 'STORE', name, lat, lon });
