import type { RouteEntry } from '../../support/route-table';
import type { RouteRequest } from './route-call';
import { sampleRequest } from './sample-requests';
import type { TenantFixtures } from './tenant-fixtures';

const pathParameters = (route: RouteEntry) => [...route.resource.matchAll(/\{(\w+)\+?\}/g)].map((match) => match[1] as string);

/** The target's value for each path parameter of the route; `ref` of a location route is its location. */
const targetPath = (route: RouteEntry, target: TenantFixtures): Record<string, string> =>
  Object.fromEntries(
    pathParameters(route).map((name) => {
      const value = name === 'ref' && route.resource.startsWith('/v1/locations/') ? target.locationRef : target.path[name];
      if (value === undefined) {
        throw new Error(`${route.name}: no target value for path parameter {${name}}; add one to the attack suites' tenant fixtures`);
      }
      return [name, value];
    }),
  );

/** Fields of a sample body that name a record, pointed at the target's records; the retailer is `retailerId`. */
const retarget = (value: unknown, target: TenantFixtures, retailerId: string): unknown => {
  if (Array.isArray(value)) return value.map((item) => retarget(item, target, retailerId));
  if (value === null || typeof value !== 'object') return value;
  const fields: Record<string, string> = {
    retailerId,
    ref: target.orderRef,
    orderRef: target.orderRef,
    entityRef: target.orderRef,
    rootEntityRef: target.orderRef,
    id: target.eventId,
    locationRef: target.locationRef,
    pickupLocationRef: target.locationRef,
    skuRef: target.path.skuRef as string,
    source: target.path.source as string,
  };
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, key in fields && typeof field === 'string' ? fields[key] : retarget(field, target, retailerId)]),
  );
};

export type Aim =
  /** The route's sample request, every record in it the target's, naming the target's retailer. */
  | 'AT_TARGET'
  /** The same, with `?retailerId=` of the target added. */
  | 'AT_TARGET_NAMING_RETAILER'
  /** The target's refs and ids, but naming the sender's own retailer: a namespace must keep them apart. */
  | 'AT_TARGET_REFS_AS_SENDER';

export const AIMS: Aim[] = ['AT_TARGET', 'AT_TARGET_NAMING_RETAILER', 'AT_TARGET_REFS_AS_SENDER'];

/** A request of `route` aimed at what `target` owns. */
export const aimAt = (route: RouteEntry, target: TenantFixtures, aim: Aim, sender: { retailerId: string }): RouteRequest => {
  const sample = sampleRequest(route);
  const retailerId = aim === 'AT_TARGET_REFS_AS_SENDER' ? sender.retailerId : target.retailerId;
  const query = retarget(sample.query, target, retailerId) as Record<string, string>;
  if (aim === 'AT_TARGET_NAMING_RETAILER') query.retailerId = target.retailerId;
  const path = targetPath(route, target);
  if (aim === 'AT_TARGET_REFS_AS_SENDER' && path.retailerId) path.retailerId = sender.retailerId;
  return { path, query, body: sample.body === undefined ? undefined : retarget(sample.body, target, retailerId) };
};

/** Markers of `target` that are not in the request itself: an echo of what the caller sent is no leak. */
export const leakedMarkers = (responseText: string, request: RouteRequest, markers: string[]): string[] => {
  const sent = JSON.stringify(request);
  return markers.filter((marker) => responseText.includes(marker) && !sent.includes(marker));
};
