import { handler as checkAvailability } from '../../functions/availability/check-availability';
import { handler as getEntity } from '../../functions/entities/get-entity';
import { handler as createOrder } from '../../functions/orders/create-order';
import { handler as getOrderTransitions } from '../../functions/orders/get-order-transitions';
import { handler as getOrder } from '../../functions/orders/get-order';
import { handler as listOrders } from '../../functions/orders/list-orders';
import { handler as getSourcingProfile } from '../../functions/sourcing-profiles/get-sourcing-profile';
import { handler as putSourcingProfile } from '../../functions/sourcing-profiles/put-sourcing-profile';
import { referenceWorkflows } from '../../shared/domain/orders/reference-workflows/order-reference-workflows';
import { apiGatewayEvent, invoke, lambdaContext, type ApiCall, type ApiResponse } from '../support/api-gateway-event';
import { ORDER_RETAILER } from '../support/order-builder';
import { catalogApi } from './catalog-api';
import { orchestrationApi } from './orchestration-api';

export const RETAILER = ORDER_RETAILER;

/** serverless.yml gives createOrder 28 s. */
const CREATE_ORDER_TIMEOUT_MS = 28_000;

/**
 * Like `invoke`, with a Lambda context that has the function's configured time left: middy answers
 * 500 once getRemainingTimeInMillis runs out, and `invoke`'s context has only 10 s, which many
 * concurrent sync orders against DynamoDB Local (one transaction at a time) can exceed.
 */
const invokeWithin = async (handler: typeof createOrder, call: ApiCall, timeoutMs: number): Promise<ApiResponse> => {
  const startedAt = Date.now();
  const context = { ...lambdaContext('ordo-create-order'), getRemainingTimeInMillis: () => timeoutMs - (Date.now() - startedAt) };
  const result = await handler(apiGatewayEvent(call), context);
  return { status: result.statusCode, body: result.body ? JSON.parse(result.body) : {}, raw: result.body };
};

/** The order, availability and sourcing-profile routes, called in-process against DynamoDB Local. */
export const ordersApi = {
  createOrder: (apiKey: string, body: unknown, mode: 'sync' | 'async' = 'sync') =>
    invokeWithin(createOrder, { method: 'POST', resource: '/v1/orders', query: { mode }, apiKey, body }, CREATE_ORDER_TIMEOUT_MS),
  getOrder: (apiKey: string, ref: string, query: Record<string, string> = {}) =>
    invoke(getOrder, { method: 'GET', resource: '/v1/orders/{ref}', pathParameters: { ref }, query, apiKey }),
  listOrders: (apiKey: string, query: Record<string, string> = {}) =>
    invoke(listOrders, { method: 'GET', resource: '/v1/orders', query, apiKey }),
  transitions: (apiKey: string, ref: string, query: Record<string, string> = {}) =>
    invoke(getOrderTransitions, { method: 'GET', resource: '/v1/orders/{ref}/transitions', pathParameters: { ref }, query, apiKey }),
  checkAvailability: (apiKey: string, body: unknown) =>
    invoke(checkAvailability, { method: 'POST', resource: '/v1/availability', apiKey, body }),
  putSourcingProfile: (apiKey: string, retailerId: string, body: unknown) =>
    invoke(putSourcingProfile, {
      method: 'PUT',
      resource: '/v1/sourcing-profiles/{retailerId}',
      pathParameters: { retailerId },
      apiKey,
      body,
    }),
  getSourcingProfile: (apiKey: string, retailerId: string) =>
    invoke(getSourcingProfile, {
      method: 'GET',
      resource: '/v1/sourcing-profiles/{retailerId}',
      pathParameters: { retailerId },
      apiKey,
    }),
  /** A fulfilment as it stands now, found under its order. */
  getFulfilment: (apiKey: string, orderRef: string, fulfilmentRef: string) =>
    invoke(getEntity, {
      method: 'GET',
      resource: '/v1/entities/{entityType}/{ref}',
      pathParameters: { entityType: 'FULFILMENT', ref: fulfilmentRef },
      query: { rootEntityType: 'ORDER', rootEntityRef: orderRef },
      apiKey,
    }),
};

export interface SeedLocation {
  ref: string;
  lat: number;
  lon: number;
  type?: 'STORE' | 'WAREHOUSE';
  status?: 'ACTIVE' | 'INACTIVE';
}

export interface SeedStock {
  locationRef: string;
  skuRef: string;
  onHand: number;
  safetyStock?: number;
}

/** Locations, then full counts, through the location and inventory routes; throws on the first refusal. */
export const seedCatalog = async (apiKey: string, locations: SeedLocation[], stock: SeedStock[]): Promise<void> => {
  for (const { ref, type = 'STORE', ...rest } of locations) {
    const response = await catalogApi.putLocation(apiKey, ref, { type, name: ref, ...rest });
    if (response.status !== 200) throw new Error(`location ${ref} not stored: ${response.raw}`);
  }
  for (const { locationRef, skuRef, ...count } of stock) {
    const response = await catalogApi.putPosition(apiKey, locationRef, skuRef, count);
    if (response.status !== 200) throw new Error(`position ${skuRef}@${locationRef} not stored: ${response.raw}`);
  }
};

/** The reference HD and CC order workflows, uploaded for the retailer; throws unless both are stored. */
export const uploadReferenceWorkflows = async (apiKey: string, retailerId = RETAILER): Promise<void> => {
  for (const workflow of referenceWorkflows(retailerId)) {
    const response = await orchestrationApi.putWorkflow(apiKey, workflow.entityType, workflow.subtype, workflow);
    if (response.status !== 201) throw new Error(`workflow ${workflow.subtype} not stored: ${response.raw}`);
  }
};

export interface Position {
  skuRef: string;
  locationRef: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
  available: number;
}

/** One position as GET /v1/inventory?skuRef= shows it. */
export const positionOf = async (apiKey: string, skuRef: string, locationRef: string): Promise<Position> => {
  const response = await catalogApi.listInventory(apiKey, { skuRef, locationRef });
  const [position] = response.body.items as Position[];
  if (!position) throw new Error(`no position ${skuRef}@${locationRef}: ${response.raw}`);
  return position;
};

/** A FULFILMENT event of an order, posted to /v1/events/sync. */
export const fulfilmentEvent = (
  apiKey: string,
  orderRef: string,
  fulfilmentRef: string,
  name: string,
  attributes?: Record<string, unknown>,
  options: { subtype?: 'HD' | 'CC'; retailerId?: string } = {},
) =>
  orchestrationApi.postEventSync(apiKey, {
    name,
    retailerId: options.retailerId ?? RETAILER,
    entityType: 'FULFILMENT',
    entityRef: fulfilmentRef,
    entitySubtype: options.subtype ?? 'HD',
    rootEntityType: 'ORDER',
    rootEntityRef: orderRef,
    ...(attributes ? { attributes } : {}),
  });

/** An ORDER event, posted to /v1/events/sync. */
export const orderEventSync = (apiKey: string, orderRef: string, name: string, subtype: 'HD' | 'CC' = 'HD', retailerId = RETAILER) =>
  orchestrationApi.postEventSync(apiKey, { name, retailerId, entityType: 'ORDER', entityRef: orderRef, entitySubtype: subtype });

/** An ORDER event with attributes (an amendment such as CANCEL_LINES), posted to /v1/events/sync. */
export const orderAmendment = (apiKey: string, orderRef: string, name: string, attributes: Record<string, unknown>, subtype: 'HD' | 'CC' = 'HD') =>
  orchestrationApi.postEventSync(apiKey, { name, retailerId: RETAILER, entityType: 'ORDER', entityRef: orderRef, entitySubtype: subtype, attributes });
