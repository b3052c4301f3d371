import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FOREIGN_CREDENTIALS, fillPlaceholders, withStackEnvironment } from '../../scripts/local-stack/invoke-local';
import { lambdaContext } from '../support/api-gateway-event';
import { EXPECTED, QUEUED, ROOT, functionOf, sampleFiles, sampleWaves } from './sample-expectations';
import { sampleStack, type SampleStack } from './sample-stack';

/**
 * Every sample under events/ against the running local stack, in an account of its own loaded with the demo
 * catalogue (sample-stack.ts), by the handler serverless.yml names for it, with the environment invoke local gives
 * it: serverless.yml's as the framework resolves it (`serverless print`), the stack's laid over it and the
 * placeholders filled, by the code the plugin runs (scripts/local-stack/invoke-local.ts). A few also run through
 * `serverless invoke local` itself, in sample-invoke-local.test.ts.
 */
const SAMPLES_ACCOUNT = 'sample-events';

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

const results = new Map<string, HandlerResult>();
let samples: SampleStack;

beforeAll(async () => {
  // Prepare
  samples = await sampleStack(SAMPLES_ACCOUNT);
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
  samples?.remove();
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
