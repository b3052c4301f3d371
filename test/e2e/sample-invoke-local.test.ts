import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { EXPECTED, QUEUED, ROOT } from './sample-expectations';
import { sampleStack, type SampleStack } from './sample-stack';
import { invokeAll, type Invocation } from './serverless-invoke-local';

/**
 * A few samples under events/ run as a developer runs them, `serverless invoke local --function X --path events/…`
 * with nothing else set up, against the running local stack in an account of their own (sample-stack.ts): the
 * plugin (infra/plugins/invoke-local-stack.js) finds the stack through the state it records. One of each kind: no
 * key, the operator key, the demo key, a scheduled handler. Each run starts the framework and bundles its function,
 * about 2 s of CPU, so not every sample goes this way: sample-events.test.ts runs them all through their handlers.
 */
const SAMPLES_ACCOUNT = 'sample-invokes';
const INVOKED = ['health/get-health.json', 'accounts/get-account.json', 'orders/list-orders.json', 'engine/sweep-scheduled-events.json'];
const LANES = 2;

const invocations = new Map<string, Invocation>();
const buildDirs = Array.from({ length: LANES }, (_, lane) => `.esbuild-invoke-${process.pid}-${lane}`);
let samples: SampleStack;

beforeAll(async () => {
  // Prepare
  samples = await sampleStack(SAMPLES_ACCOUNT);

  // Act
  await invokeAll(
    LANES,
    INVOKED,
    (lane) => ({
      ...process.env,
      ORDO_STATE_DIR: samples.stateDir,
      // Never the stack's own build folder: rebuilding it would break the handlers it is running.
      ORDO_BUILD_DIR: buildDirs[lane],
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    }),
    invocations,
  );
}, 300_000);

afterAll(() => {
  for (const dir of buildDirs) rmSync(join(ROOT, dir), { recursive: true, force: true });
  samples?.remove();
});

describe('serverless invoke local, with the local stack running', () => {
  const invoked = INVOKED.map((file) => [file, EXPECTED[file]] as const);

  it.each(invoked.filter(([, { answers }]) => typeof answers === 'number'))('answers %s with its documented status', (file, { answers }) => {
    // Assess
    const invocation = invocations.get(file);
    const statusCode = invocation?.result?.statusCode;
    // On a wrong status, what the handler said (or the tail of the output) shows why.
    const why = statusCode === answers ? undefined : (invocation?.result?.body ?? invocation?.output);
    expect({ file, exitCode: invocation?.exitCode, statusCode, why }).toEqual({ file, exitCode: 0, statusCode: answers, why: undefined });
  });

  it.each(invoked.filter(([, { answers }]) => answers === QUEUED))('runs %s to the end with no record failed', (file) => {
    // Assess
    const invocation = invocations.get(file);
    expect({ file, exitCode: invocation?.exitCode, failed: invocation?.result?.batchItemFailures ?? [] }).toEqual({ file, exitCode: 0, failed: [] });
  });
});
