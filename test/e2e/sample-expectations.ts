import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { routeTable } from '../support/route-table';

/**
 * What every sample under events/ answers when run against the local stack, for the two suites that run them:
 * sample-events (every sample, through its serverless.yml function's handler) and invoke-local (a few, through
 * `serverless invoke local` itself).
 */
export const ROOT = join(__dirname, '..', '..');

/** A handler fed by a queue, a stream or a schedule: no HTTP status, done when it reports no failed record. */
export const QUEUED = 'no failed record';
/**
 * A sample for a handler whose caller has no local stand-in (CodeDeploy calls the pre-traffic hook): it documents
 * the event's shape for `invoke local` against AWS; the handler's unit tests cover what it does.
 */
export const NOT_LOCAL = 'not invoked on the local stack';

export interface Expectation {
  /** HTTP status, or QUEUED for a handler that is not behind a route. */
  answers: number | typeof QUEUED | typeof NOT_LOCAL;
  /** The serverless.yml function of a sample that is not an HTTP request. */
  fn?: string;
  /** Samples of a later wave read what an earlier wave wrote (the order a developer would follow). */
  wave?: number;
}

export const EXPECTED: Record<string, Expectation> = {
  'accounts/create-account-invalid-id.json': { answers: 400 },
  'accounts/create-account.json': { answers: 201 },
  'accounts/get-account.json': { answers: 200 },
  'accounts/rotate-data-key.json': { answers: 201 },
  'accounts/update-account.json': { answers: 200 },
  'api-keys/create-api-key.json': { answers: 201, wave: 2 },
  'api-keys/list-api-keys.json': { answers: 200 },
  'api-keys/revoke-api-key.json': { answers: 204 },
  'availability/check-availability-cc.json': { answers: 200 },
  'availability/check-availability-hd.json': { answers: 200 },
  'compat/post-fluent-event-async.json': { answers: 200, wave: 3 },
  'compat/post-fluent-event-sync.json': { answers: 200, wave: 2 },
  'engine/ingest-bus-event.json': { answers: QUEUED, fn: 'ingestBusEvent' },
  'engine/mark-stuck-events.json': { answers: QUEUED, fn: 'markStuckEvents' },
  'engine/process-queued-events.json': { answers: QUEUED, fn: 'processQueuedEvents', wave: 4 },
  'engine/relay-outbox.json': { answers: QUEUED, fn: 'relayOutbox' },
  'engine/sweep-scheduled-events.json': { answers: QUEUED, fn: 'sweepScheduledEvents' },
  'entities/get-entity.json': { answers: 200, wave: 4 },
  'event-sources/list-event-sources.json': { answers: 200 },
  'event-sources/register-event-source.json': { answers: 201 },
  'event-sources/release-event-source.json': { answers: 204, wave: 3 },
  'events/get-event.json': { answers: 200, wave: 5 },
  'events/list-events-no-match.json': { answers: 200 },
  'events/post-event-dry-run.json': { answers: 200 },
  'events/post-event-sync-create.json': { answers: 200, wave: 3 },
  'events/post-event-sync-failed.json': { answers: 200 },
  'events/post-event-sync-no-match.json': { answers: 200, wave: 4 },
  'events/post-event.json': { answers: 202, wave: 4 },
  'events/retry-event.json': { answers: 202, wave: 3 },
  'health/get-health.json': { answers: 200 },
  'http/get-openapi.json': { answers: 200 },
  'http/unknown-route.json': { answers: 404 },
  'inventory/list-inventory.json': { answers: 200 },
  'inventory/put-position.json': { answers: 200 },
  'jobs/create-job.json': { answers: 201 },
  'jobs/get-batch.json': { answers: 200 },
  'jobs/get-job.json': { answers: 200 },
  'jobs/list-jobs.json': { answers: 200 },
  'jobs/import-inventory-files.json': { answers: QUEUED, fn: 'importInventoryFiles' },
  'jobs/post-batch.json': { answers: 202 },
  'jobs/process-inventory-chunks.json': { answers: QUEUED, fn: 'processInventoryChunks' },
  'locations/get-location.json': { answers: 200 },
  'locations/list-locations.json': { answers: 200 },
  'locations/put-location.json': { answers: 200 },
  'operations/pre-traffic-hook.json': { answers: NOT_LOCAL, fn: 'preTrafficHook' },
  'orders/create-order-cc.json': { answers: 201 },
  'orders/create-order-hd-sync.json': { answers: 201 },
  'orders/create-order-missing-address.json': { answers: 400 },
  'orders/get-order-transitions.json': { answers: 200, wave: 3 },
  'orders/get-order.json': { answers: 200, wave: 3 },
  'orders/list-orders.json': { answers: 200 },
  // HD-1001 is allocated, not shipped: nothing of it can be returned yet, so nothing is created.
  'returns/create-return-not-shipped.json': { answers: 400, wave: 2 },
  'returns/get-return-unknown.json': { answers: 404, wave: 3 },
  'retailers/get-retailer.json': { answers: 200 },
  'retailers/list-retailers.json': { answers: 200 },
  // The demo catalogue registered the demo retailer: registering it again answers 200.
  'retailers/put-retailer.json': { answers: 200 },
  'retailers/register-retailer.json': { answers: 201 },
  'roles/list-roles.json': { answers: 200 },
  'roles/put-role.json': { answers: 201 },
  'settings/list-settings.json': { answers: 200 },
  'settings/put-setting.json': { answers: 200 },
  'sourcing-profiles/get-sourcing-profile.json': { answers: 200 },
  'sourcing-profiles/put-sourcing-profile.json': { answers: 200 },
  'webhooks/create-webhook.json': { answers: 201 },
  // Last: it deletes the subscription the other webhook samples use (the next one makes another).
  'webhooks/delete-webhook.json': { answers: 204, wave: 5 },
  'webhooks/deliver-webhooks.json': { answers: QUEUED, fn: 'deliverWebhooks' },
  'webhooks/get-webhook.json': { answers: 200 },
  'webhooks/list-webhook-deliveries.json': { answers: 200 },
  'webhooks/list-webhooks.json': { answers: 200 },
  'webhooks/retry-webhook-delivery.json': { answers: 200 },
  'webhooks/rotate-webhook-secret.json': { answers: 200 },
  'webhooks/test-webhook.json': { answers: 200 },
  'webhooks/update-webhook.json': { answers: 200 },
  'workflows/get-workflow-diagram.json': { answers: 200 },
  'workflows/get-workflow.json': { answers: 200 },
  'workflows/list-workflows.json': { answers: 200 },
  'workflows/put-workflow.json': { answers: 201, wave: 2 },
};

const jsonFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsonFiles(join(dir, entry.name)) : entry.name.endsWith('.json') ? [join(dir, entry.name)] : [],
  );

/** The samples, as paths under events/. */
export const sampleFiles = (): string[] => jsonFiles(join(ROOT, 'events')).map((file) => relative(join(ROOT, 'events'), file)).sort();

const routes = routeTable();

/** The function serverless.yml runs for a sample: the route's, the fallback's, or the one named above. */
export const functionOf = (file: string): string => {
  const event = JSON.parse(readFileSync(join(ROOT, 'events', file), 'utf8')) as { httpMethod?: string; resource?: string };
  if (!event.httpMethod) return EXPECTED[file]?.fn ?? '(none named)';
  if (event.resource === '/{proxy+}') return 'routeFallback';
  return routes.find((route) => route.method === event.httpMethod && route.resource === event.resource)?.functionName ?? '(no route)';
};

/** The samples of each wave, in wave order, leaving out those that are not run locally. */
export const sampleWaves = (only: (file: string) => boolean = () => true): string[][] => {
  const waves = [...new Set(Object.values(EXPECTED).map(({ wave }) => wave ?? 1))].sort();
  return waves.map((wave) => sampleFiles().filter((file) => (EXPECTED[file]?.wave ?? 1) === wave && EXPECTED[file]?.answers !== NOT_LOCAL && only(file)));
};
