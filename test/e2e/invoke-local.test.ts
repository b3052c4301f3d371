import { spawn } from 'node:child_process';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensureDemoCatalog } from '../../scripts/local-stack/demo-seed';
import { STACK_STATE_FILE, writeStackState, type LocalStackState } from '../../scripts/local-stack/stack-state';
import { routeTable } from '../support/route-table';
import { baseUrl, http, operatorKey } from './http-client';

/**
 * Every sample under events/, run as a developer runs it: `serverless invoke local --function X
 * --path events/…` with a local stack running and nothing else set up. The plugin
 * (infra/plugins/invoke-local-stack.js) finds the stack through the state it records, here a copy
 * of the e2e stack's pointing at an account of the test's own, loaded with the demo catalogue,
 * so the samples' writes never reach the demo account the other suites use.
 */
const ROOT = join(__dirname, '..', '..');
const LANES = 4;
const SAMPLES_ACCOUNT = 'invoke-samples';

/** A handler fed by a queue, a stream or a schedule: no HTTP status, done when it reports no failed record. */
const QUEUED = 'no failed record';
/**
 * A sample for a handler whose caller has no local stand-in (CodeDeploy calls the pre-traffic hook): it documents
 * the event's shape for `invoke local` against AWS; the handler's unit tests cover what it does.
 */
const NOT_LOCAL = 'not invoked on the local stack';

interface Expectation {
  /** HTTP status, or QUEUED for a handler that is not behind a route. */
  answers: number | typeof QUEUED | typeof NOT_LOCAL;
  /** The serverless.yml function of a sample that is not an HTTP request. */
  fn?: string;
  /** Samples of a later wave read what an earlier wave wrote (the order a developer would follow). */
  wave?: number;
}

const EXPECTED: Record<string, Expectation> = {
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
const sampleFiles = (): string[] => jsonFiles(join(ROOT, 'events')).map((file) => relative(join(ROOT, 'events'), file)).sort();

const routes = routeTable();

/** The function serverless.yml runs for a sample: the route's, the fallback's, or the one named above. */
const functionOf = (file: string): string => {
  const event = JSON.parse(readFileSync(join(ROOT, 'events', file), 'utf8')) as { httpMethod?: string; resource?: string };
  if (!event.httpMethod) return EXPECTED[file]?.fn ?? '(none named)';
  if (event.resource === '/{proxy+}') return 'routeFallback';
  return routes.find((route) => route.method === event.httpMethod && route.resource === event.resource)?.functionName ?? '(no route)';
};

interface Invocation {
  exitCode: number | null;
  /** What the handler returned, as invoke local prints it last; undefined when it returned nothing. */
  result?: { statusCode?: number; body?: unknown; batchItemFailures?: unknown[] };
  output: string;
}

/** The handler's result: invoke local prints it last, pretty-printed, after the handler's log lines. */
const resultOf = (stdout: string): Invocation['result'] => {
  const start = stdout.lastIndexOf('\n{\n');
  if (start < 0) return undefined;
  try {
    return JSON.parse(stdout.slice(start)) as Invocation['result'];
  } catch {
    return undefined;
  }
};

const invokeLocal = (file: string, env: NodeJS.ProcessEnv): Promise<Invocation> =>
  new Promise((done) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/serverless/bin/serverless.js'), 'invoke', 'local', '--function', functionOf(file), '--path', join('events', file)],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (exitCode) => done({ exitCode, result: resultOf(stdout), output: output.slice(-3000) }));
  });

/** Runs the files a few at a time, each lane in a build folder of its own. */
const invokeAll = async (files: string[], envOfLane: (lane: number) => NodeJS.ProcessEnv, into: Map<string, Invocation>) => {
  const queue = [...files];
  await Promise.all(
    Array.from({ length: LANES }, async (_, lane) => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) into.set(file, await invokeLocal(file, envOfLane(lane)));
    }),
  );
};

const invocations = new Map<string, Invocation>();
const buildDirs = Array.from({ length: LANES }, (_, lane) => `.esbuild-invoke-${process.pid}-${lane}`);
let stateDir: string;
let elapsedMs = 0;

beforeAll(async () => {
  // Prepare
  const stack = JSON.parse(readFileSync(join(process.env.ORDO_E2E_STATE_DIR ?? '', STACK_STATE_FILE), 'utf8')) as LocalStackState;
  const created = await http('POST', '/v1/accounts', { apiKey: operatorKey(), body: { accountId: SAMPLES_ACCOUNT, environment: 'sandbox' } });
  expect(created.status).toBe(201);
  await ensureDemoCatalog(baseUrl(), created.body.apiKey);
  stateDir = mkdtempSync(join(tmpdir(), 'ordo-invoke-'));
  // A drop bucket of its own: the import sample must not race the stack's own scheduled import over other suites' files.
  const importBucket = `ordo-invoke-samples-${process.pid}`;
  const s3 = new S3Client({ region: 'us-east-1', endpoint: stack.environment.AWS_ENDPOINT_URL_S3, forcePathStyle: true, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await s3.send(new CreateBucketCommand({ Bucket: importBucket }));
  s3.destroy();
  const environment = { ...stack.environment, ORDO_IMPORT_BUCKET: importBucket };
  writeStackState(stateDir, { ...stack, environment, pid: process.pid, demoAccountId: SAMPLES_ACCOUNT, demoApiKey: created.body.apiKey });
  const envOfLane = (lane: number): NodeJS.ProcessEnv => ({
    ...process.env,
    ORDO_STATE_DIR: stateDir,
    // Never the stack's own build folder: rebuilding it would break the handlers it is running.
    ORDO_BUILD_DIR: buildDirs[lane],
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });

  // Act
  const started = Date.now();
  const waves = [...new Set(Object.values(EXPECTED).map(({ wave }) => wave ?? 1))].sort();
  for (const wave of waves) {
    const files = sampleFiles().filter((file) => (EXPECTED[file]?.wave ?? 1) === wave && EXPECTED[file]?.answers !== NOT_LOCAL);
    await invokeAll(files, envOfLane, invocations);
  }
  elapsedMs = Date.now() - started;
  console.log(`invoke local: ${invocations.size} samples in ${Math.round(elapsedMs / 1000)} s, ${LANES} at a time`);
  // Each invocation starts the framework and bundles its function: about 3 s of CPU, far longer on a busy machine.
}, 1_800_000);

afterAll(() => {
  for (const dir of buildDirs) rmSync(join(ROOT, dir), { recursive: true, force: true });
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

describe('serverless invoke local, with the local stack running', () => {
  it('has an expectation for every sample under events/, so a new sample is invoked too', () => {
    // Assess
    expect(sampleFiles()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED).filter(([, { answers }]) => typeof answers === 'number'))(
    'answers %s with its documented status',
    (file, { answers }) => {
      // Assess
      const invocation = invocations.get(file);
      const statusCode = invocation?.result?.statusCode;
      // On a wrong status, what the handler said (or the tail of the output) shows why.
      const why = statusCode === answers ? undefined : (invocation?.result?.body ?? invocation?.output);
      expect({ file, exitCode: invocation?.exitCode, statusCode, why }).toEqual({ file, exitCode: 0, statusCode: answers, why: undefined });
    },
  );

  it.each(Object.entries(EXPECTED).filter(([, { answers }]) => answers === QUEUED))(
    'runs %s to the end with no record failed',
    (file) => {
      // Assess
      const invocation = invocations.get(file);
      expect({ file, exitCode: invocation?.exitCode, failed: invocation?.result?.batchItemFailures ?? [] }).toEqual({ file, exitCode: 0, failed: [] });
    },
  );

  it('fills the demo key into the samples, so none is refused for want of a key', () => {
    // Assess
    const refused = [...invocations].filter(([, { result }]) => result?.statusCode === 401).map(([file]) => file);
    expect(refused).toEqual([]);
  });
});
