import fc from 'fast-check';
import { dynamoDbClient } from '../../shared/composition/dynamodb-clients';
import { eventSourceRegistry } from '../../shared/composition/event-source-registrations';
import { settings } from '../../shared/composition/settings';
import { invoke } from '../support/api-gateway-event';
import { DynamoDbRequestCounter } from '../support/dynamodb-request-counter';
import { runQueuedEvents } from '../support/events-queue';
import { hostileRequests, type FuzzKeys, type FuzzRequest } from '../support/hostile-requests';
import { runBatchProcessor } from '../support/inventory-queue';
import { loadRouteHandler, routeTable } from '../support/route-table';
import { sampleRequests } from '../support/sample-events';
import { api, newAccount, OPERATOR_KEY } from './control-plane-api';
import { jobsApi as jobs, inventoryBatch } from './jobs-api';
import { undeliverableWebhook, webhooksApi } from './webhooks-api';

/**
 * Generated requests to every route of serverless.yml, on DynamoDB Local and the local queues:
 * none may be answered 5xx, and none answered 4xx may write to an account table.
 * FUZZ_SEED=<n> replays a run (the seed is printed at the start and in every counterexample).
 */
const MIN_REQUESTS = 10_000;
const ROUTES = routeTable();
const RUNS_PER_ROUTE = Math.ceil(MIN_REQUESTS / ROUTES.length);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const ACCOUNT_TABLE_PREFIX = 'ordo-sandbox-acct-';

const counter = new DynamoDbRequestCounter().attach(dynamoDbClient());
const SAMPLES = sampleRequests();
const statuses = new Map<number, number>();

let accountIds: string[];
let keys: FuzzKeys;
const known: Record<string, string> = {};

const accountTableWrites = () =>
  Object.fromEntries(
    // What landed: a refused request may try a conditional write (a resent event's commit) that writes nothing.
    Object.entries(counter.committedWritesByTable()).filter(([table]) => table.startsWith(ACCOUNT_TABLE_PREFIX)),
  );

const sent = () => [...statuses.values()].reduce((total, count) => total + count, 0);

/** One request, checked the way a caller and an auditor would see it. */
const check = async (handler: ReturnType<typeof loadRouteHandler>, request: FuzzRequest) => {
  counter.reset();
  const response = await invoke(handler, request.call);
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  if (response.status >= 500) throw new Error(`answered ${response.status}: ${response.raw}`);
  if (response.status >= 400) {
    const writes = accountTableWrites();
    if (Object.keys(writes).length > 0) throw new Error(`answered ${response.status} but wrote ${JSON.stringify(writes)}: ${response.raw}`);
    if (typeof response.body.error?.code !== 'string' || typeof response.body.requestId !== 'string') {
      throw new Error(`answered ${response.status} without an error code and request id: ${response.raw}`);
    }
    if (response.status === 400 && typeof response.body.error.field !== 'string') {
      throw new Error(`answered 400 without naming the field: ${response.raw}`);
    }
  }
  if (({} as Record<string, unknown>).polluted !== undefined) throw new Error('Object.prototype was polluted');
};

beforeAll(async () => {
  console.log(`route fuzz: seed ${SEED} (FUZZ_SEED=${SEED} replays it), ${RUNS_PER_ROUTE} requests on each of ${ROUTES.length} routes`);
  const own = await newAccount('fuzz');
  const other = await newAccount('fuzz-other');
  const readOnly = await api.createApiKey(own.apiKey, { role: 'READONLY' });
  accountIds = [own.accountId, other.accountId];
  keys = { admin: own.apiKey, readOnly: readOnly.body.apiKey, otherAccount: other.apiKey, operator: OPERATOR_KEY };
  // Real ids for the sample events' placeholders, so that requests reach past the lookups.
  const job = await jobs.createJob(own.apiKey, { name: 'fuzz', retailerId: 'demo-retail' });
  known.jobId = job.body.jobId;
  const batch = await jobs.postBatch(own.apiKey, known.jobId, inventoryBatch([{ skuRef: 'SKU-001', locationRef: 'ST-YORK', qty: 1 }]));
  known.batchId = batch.body.batchId;
  known.keyId = readOnly.body.keyId;
  // Deliveries refuse its url at every attempt, so the routes that deliver never reach a network.
  const webhook = await undeliverableWebhook(own.accountId, { path: 'fuzz' });
  known.webhookId = webhook.webhookId;
  known.messageId = (await webhooksApi.test(own.apiKey, webhook.webhookId)).body.messageId;
});

// Draining the events the run queued takes seconds, more beside other suites on a busy machine.
afterAll(async () => {
  // Leave the shared control plane and queues as other suites expect them.
  const eventSources = eventSourceRegistry();
  for (const accountId of accountIds) {
    for (const { source } of await eventSources.listFor(accountId, {})) await eventSources.release(source, accountId, {});
    // Generated events may FAIL on the demo workflows' rules, as they would for a caller: only the queue is cleared here.
    await runQueuedEvents(accountId, 1, { failed: 'delete' });
  }
  await runBatchProcessor();
}, 120_000);

describe('every route, under generated hostile requests', () => {
  it.each(ROUTES.map((route) => [route.name, route] as const))(
    '%s answers every request below 500, and writes nothing to the account when it refuses one',
    async (_name, route) => {
      // Prepare
      const handler = loadRouteHandler(route);
      const requests = hostileRequests(route, handler.route, SAMPLES.get(route.name) ?? [], {
        keys,
        known,
        maxBodyBytes: settings().maxBodyBytes,
      });

      // Act & Assess
      await fc.assert(
        fc.asyncProperty(requests, (request) => check(handler, request)),
        { numRuns: RUNS_PER_ROUTE, seed: SEED },
      );
    },
    120_000,
  );

  it(`sends at least ${MIN_REQUESTS} requests in all`, () => {
    // Assess
    console.log(`route fuzz: ${sent()} requests, by status ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(sent()).toBeGreaterThanOrEqual(MIN_REQUESTS);
  });
});
