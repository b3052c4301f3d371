import { randomUUID } from 'node:crypto';
import { referenceWorkflows } from '../../../shared/domain/orders/reference-workflows/order-reference-workflows';
import { referenceReturnWorkflow } from '../../../shared/domain/returns/reference-workflows/return-reference-workflow';
import { anOrder, orderLines } from '../../support/order-builder';
import { loadRouteHandler, routeTable, type RouteEntry } from '../../support/route-table';
import { undeliverableWebhook } from '../webhooks-api';
import { sampleRequest } from './sample-requests';
import { callRoute } from './route-call';

/** What one tenant (an account, or a retailer of one) owns, made through the public routes. */
export interface TenantFixtures {
  accountId: string;
  retailerId: string;
  /** A key that may read and change what this tenant owns. */
  ownerKey: string;
  /** An ADMIN key of the tenant's whole account. */
  adminKey: string;
  /** Values for each path parameter, by name, aimed at this tenant's own records. */
  path: Record<string, string>;
  /** `ref` of /v1/locations/{ref}: the tenant's location, not its order. */
  locationRef: string;
  orderRef: string;
  eventId: string;
  /**
   * Strings that only this tenant's own records hold: customer data, ids Ordo made, names. None may
   * appear in an answer to another tenant unless that tenant sent it in its request.
   */
  markers: string[];
  /** Markers of what the tenant shares with the rest of its account (its location). */
  accountMarkers: string[];
}

const routeNamed = (name: string): RouteEntry => {
  const route = routeTable().find((entry) => entry.name === name);
  if (!route) throw new Error(`No route ${name} in serverless.yml`);
  return route;
};

/** Calls a route with its sample body overlaid by `overrides`, and fails loudly when the setup call fails. */
const setup = async (name: string, apiKey: string, request: { path?: Record<string, string>; query?: Record<string, string>; body?: Record<string, unknown> }) => {
  const route = routeNamed(name);
  const sample = sampleRequest(route);
  const body = request.body && typeof sample.body === 'object' ? { ...(sample.body as object), ...request.body } : request.body;
  const response = await callRoute(loadRouteHandler(route), route, { apiKey, path: request.path ?? {}, query: request.query ?? {}, body });
  if (response.status >= 300) throw new Error(`setup ${name} answered ${response.status}: ${response.raw}`);
  return response.body;
};

/**
 * Seeds a tenant: its HD workflow, its retailer's registration, a location it owns with stock, a sourcing profile, an order with
 * customer data, an event, a job with a batch, a spare API key, an event source and a webhook
 * subscription. Unique markers make anything of it that leaks into another tenant's answer easy
 * to find.
 */
export const seedTenant = async (options: { accountId: string; retailerId: string; ownerKey: string; adminKey: string }): Promise<TenantFixtures> => {
  const { accountId, retailerId, ownerKey } = options;
  const tag = randomUUID().slice(0, 8);
  const locationRef = `LOC-${tag}`;
  const skuRef = `SKU-${tag}`;
  const orderRef = `ORD-${tag}`;
  const eventId = `evt-${tag}`;
  const source = `tenant.${tag}`;
  const customer = { name: `Vic Tim${tag}`, email: `victim-${tag}@example.com`, phone: `+4411349${tag.replace(/\D/g, '0').slice(0, 5)}` };

  for (const workflow of [...referenceWorkflows(retailerId), referenceReturnWorkflow(retailerId)]) {
    await setup('PUT /v1/workflows/{entityType}/{subtype}', ownerKey, {
      path: { entityType: workflow.entityType, subtype: workflow.subtype },
      body: { ...workflow } as unknown as Record<string, unknown>,
    });
  }
  // The workflows come through their own route above: registration adds the retailer's record alone.
  await setup('PUT /v1/retailers/{retailerId}', ownerKey, { path: { retailerId }, body: { name: `Retailer ${tag}`, template: 'none' } });
  await setup('PUT /v1/locations/{ref}', ownerKey, { path: { ref: locationRef }, body: { name: `Tenant store ${tag}`, lat: 53.8, lon: -1.55 } });
  await setup('PUT /v1/inventory/{locationRef}/{skuRef}', ownerKey, { path: { locationRef, skuRef }, body: { onHand: 50 } });
  await setup('PUT /v1/sourcing-profiles/{retailerId}', ownerKey, { path: { retailerId }, body: {} });
  await setup('POST /v1/orders', ownerKey, {
    query: { mode: 'sync' },
    body: anOrder({
      ref: orderRef,
      retailerId,
      customer,
      deliveryAddress: { line1: `${tag} Secret Lane`, city: 'Leeds', postcode: 'LS1 5AB', country: 'GB', lat: 53.8001, lon: -1.5501 },
      lines: orderLines([{ skuRef, qty: 1, unitPrice: 987.65 }]),
      // The sample body this is laid over may name a pickup location.
      pickupLocationRef: undefined,
    }),
  });
  const order = (await setup('GET /v1/orders/{ref}', ownerKey, { path: { ref: orderRef } })) as { fulfilments?: { ref: string }[] };
  // Shipped, then returned under the order's own ref (another root type, so another record): `ref` aims at both.
  for (const fulfilment of order.fulfilments ?? []) {
    for (const name of ['PICKED', 'PACKED', 'SHIPPED']) {
      await setup('POST /v1/events/sync', ownerKey, {
        body: { id: `${name}-${fulfilment.ref}`, name, retailerId, entityType: 'FULFILMENT', entitySubtype: 'HD', entityRef: fulfilment.ref, rootEntityType: 'ORDER', rootEntityRef: orderRef },
      });
    }
  }
  await setup('POST /v1/returns', ownerKey, {
    body: { ref: orderRef, orderRef, retailerId, returnLocationRef: locationRef, lines: [{ lineRef: 'L1', qty: 1, reason: `Return ${tag}` }] },
  });
  await setup('POST /v1/events/sync', ownerKey, {
    body: { id: eventId, name: `PING_${tag}`, retailerId, entityType: 'ORDER', entitySubtype: 'HD', entityRef: orderRef },
  });
  const job = (await setup('POST /v1/jobs', ownerKey, { body: { name: `job ${tag}`, retailerId } })) as { jobId: string };
  const batch = (await setup('POST /v1/jobs/{jobId}/batches', ownerKey, {
    path: { jobId: job.jobId },
    body: { entities: [{ skuRef, locationRef, qty: 50 }] },
  })) as { batchId: string };
  const spareKey = (await setup('POST /v1/api-keys', ownerKey, { body: { role: 'READONLY', retailerId } })) as { keyId: string };
  await setup('POST /v1/event-sources', ownerKey, { body: { source } });
  const role = `role-${tag}`;
  await setup('PUT /v1/roles/{name}', options.adminKey, { path: { name: role }, body: { permissions: ['ORDER_READ'] } });
  // Made like the local stack would (loopback, over http), so deliveries on this stage refuse it at every attempt:
  // the routes that make one answer without reaching any network.
  const webhook = await undeliverableWebhook(accountId, { path: `hooks-${tag}`, description: `hooks ${tag}`, retailerId });
  const message = (await setup('POST /v1/webhooks/{webhookId}/test', ownerKey, { path: { webhookId: webhook.webhookId } })) as { messageId: string };

  return {
    accountId,
    retailerId,
    ownerKey,
    adminKey: options.adminKey,
    locationRef,
    orderRef,
    eventId,
    path: {
      ref: orderRef,
      entityType: 'ORDER',
      subtype: 'HD',
      eventId,
      jobId: job.jobId,
      batchId: batch.batchId,
      keyId: spareKey.keyId,
      locationRef,
      skuRef,
      retailerId,
      source,
      accountId,
      name: role,
      webhookId: webhook.webhookId,
      messageId: message.messageId,
    },
    markers: [
      customer.name,
      customer.email,
      customer.phone,
      `${tag} Secret Lane`,
      '987.65',
      `PING_${tag}`,
      `Return ${tag}`,
      `Retailer ${tag}`,
      `job ${tag}`,
      job.jobId,
      batch.batchId,
      spareKey.keyId,
      source,
      webhook.webhookId,
      webhook.secret,
      `hooks-${tag}`,
      `hooks ${tag}`,
      message.messageId,
      ...(order.fulfilments ?? []).map((fulfilment) => fulfilment.ref),
    ],
    accountMarkers: [`Tenant store ${tag}`, role],
  };
};
