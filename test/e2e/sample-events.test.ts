import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FOREIGN_CREDENTIALS, fillPlaceholders, withStackEnvironment } from '../../scripts/local-stack/invoke-local';
import { lambdaContext } from '../support/api-gateway-event';
import { EXPECTED, QUEUED, ROOT, functionOf, sampleFiles, sampleWaves } from './sample-expectations';
import { sampleStack, type SampleStack } from './sample-stack';
import { invokeAll, type Invocation } from './serverless-invoke-local';

/**
 * The samples under events/ against the running local stack, in an account of their own loaded with the demo
 * catalogue (sample-stack.ts).
 * - A few run as a developer runs them, `serverless invoke local --function X --path events/…` with nothing else set
 *   up: the plugin (infra/plugins/invoke-local-stack.js) finds the stack through the state it records. One of each
 *   kind: no key, the operator key, the demo key, a scheduled handler. Each run starts the framework and bundles its
 *   function, about 2 s of CPU, so not every sample goes this way.
 * - Then every sample, by the handler serverless.yml names for it, with the environment invoke local gives it:
 *   serverless.yml's as the framework resolves it (`serverless print`), the stack's laid over it and the
 *   placeholders filled, by the code the plugin runs (scripts/local-stack/invoke-local.ts).
 * The samples invoked first only read, so running them again in the second pass answers the same.
 */
const SAMPLES_ACCOUNT = 'sample-events';
const INVOKED = ['health/get-health.json', 'accounts/get-account.json', 'orders/list-orders.json', 'engine/sweep-scheduled-events.json'];
const LANES = 2;

interface ResolvedFunction {
  handler: string;
  timeout?: number;
  environment?: Record<string, unknown>;
}
interface ResolvedService {
  provider: { environment?: Record<string, unknown>; timeout?: number };
  functions: Record<string, ResolvedFunction>;
}

type HandlerResult = { statusCode?: number; body?: string; batchItemFailures?: unknown[] } | undefined;
type Handler = (event: unknown, context: unknown) => Promise<HandlerResult>;

/** serverless.yml as the framework resolves it for the stage the stack runs. */
const resolvedService = (): ResolvedService =>
  JSON.parse(
    execFileSync(process.execPath, [join(ROOT, 'node_modules/serverless/bin/serverless.js'), 'print', '--format', 'json'], {
      cwd: ROOT,
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString(),
  ) as ResolvedService;

/** Only strings reach a Lambda's environment; CloudFormation's functions the stack's values replaced. */
const asEnvironment = (values: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => typeof value === 'string') as [string, string][]);

const invocations = new Map<string, Invocation>();
const results = new Map<string, HandlerResult>();
const buildDirs = Array.from({ length: LANES }, (_, lane) => `.esbuild-invoke-${process.pid}-${lane}`);
let samples: SampleStack;

/** `serverless invoke local` on each of INVOKED, pointed at the samples' account through ORDO_STATE_DIR. */
const invokeLocally = () =>
  invokeAll(
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

beforeAll(async () => {
  // Prepare
  samples = await sampleStack(SAMPLES_ACCOUNT);
  await invokeLocally();
  const service = resolvedService();
  const provider = withStackEnvironment(service.provider.environment, samples.state.environment, true);
  const outer = { ...process.env };

  // Act
  for (const wave of sampleWaves()) {
    for (const file of wave) {
      const fn = service.functions[functionOf(file)];
      const fnEnvironment = fn.environment && withStackEnvironment(fn.environment, samples.state.environment, false);
      const event = await fillPlaceholders(JSON.parse(readFileSync(join(ROOT, 'events', file), 'utf8')) as unknown, samples.state);
      // Each function in a module registry of its own, as each runs in a Lambda of its own.
      process.env = { ...outer, ...asEnvironment({ ...provider, ...fnEnvironment }), POWERTOOLS_LOG_LEVEL: 'ERROR' };
      for (const name of FOREIGN_CREDENTIALS) delete process.env[name];
      const [modulePath, exportName] = [fn.handler.slice(0, fn.handler.lastIndexOf('.')), fn.handler.slice(fn.handler.lastIndexOf('.') + 1)];
      let handler: Handler | undefined;
      jest.isolateModules(() => {
        // `require`: Jest's CommonJS transform cannot run a dynamic import().
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        handler = (require(join(ROOT, modulePath)) as Record<string, Handler>)[exportName];
      });
      const timeoutMs = (fn.timeout ?? service.provider.timeout ?? 6) * 1000;
      try {
        results.set(file, await (handler as Handler)(event, lambdaContext(functionOf(file), timeoutMs)));
      } finally {
        process.env = outer;
      }
    }
  }
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

describe('every sample under events/, run by its function against the local stack', () => {
  it('has an expectation for every sample under events/, so a new sample is run too', () => {
    // Assess
    expect(sampleFiles()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED).filter(([, { answers }]) => typeof answers === 'number'))('answers %s with its documented status', (file, { answers }) => {
    // Assess
    const result = results.get(file);
    // On a wrong status, what the handler said shows why.
    const why = result?.statusCode === answers ? undefined : result?.body;
    expect({ file, statusCode: result?.statusCode, why }).toEqual({ file, statusCode: answers, why: undefined });
  });

  it.each(Object.entries(EXPECTED).filter(([, { answers }]) => answers === QUEUED))('runs %s to the end with no record failed', (file) => {
    // Assess
    expect({ file, ran: results.has(file), failed: results.get(file)?.batchItemFailures ?? [] }).toEqual({ file, ran: true, failed: [] });
  });

  it('fills the demo key into the samples, so none is refused for want of a key', () => {
    // Assess
    const refused = [...results].filter(([, result]) => result?.statusCode === 401).map(([file]) => file);
    expect(refused).toEqual([]);
  });
});
