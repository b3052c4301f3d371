import type { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { instrumentSdkClients } from './sdk-instrumentation';

type TracerMiddleware = ReturnType<typeof captureLambdaHandler>;

/**
 * Powertools switches its tracer off outside Lambda (no AWS_EXECUTION_ENV: the local stack, `serverless invoke local`,
 * the tests), but loading it loads the X-Ray SDK, and where LAMBDA_TASK_ROOT is set, as serverless offline sets it,
 * that SDK turns on cls-hooked's async hooks for the whole process: every promise of every handler then runs its init
 * and destroy hooks, 40% of serverless offline's CPU under the e2e suite. So the tracer is loaded only in Lambda, where
 * POWERTOOLS_TRACE_ENABLED still decides whether it traces.
 */
const inLambda = Boolean(process.env.AWS_EXECUTION_ENV);

// A module of its own, required here: esbuild still bundles it, tree-shaken as an import, but runs it only when required.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xray = inLambda ? (require('./xray-tracer') as typeof import('./xray-tracer')) : undefined;
const tracer = xray?.xrayTracer;

// Every SDK client the composition root builds from now on shows its calls as subsegments of the invocation's trace.
if (tracer) instrumentSdkClients((client) => tracer.captureAWSv3Client(client));

/**
 * The handler's own subsegment, which annotations need (Lambda's segment takes none). Responses
 * stay out of the trace: they carry customer data. Outside Lambda, a middleware that does nothing.
 */
export const tracedHandler = (): TracerMiddleware =>
  // middy refuses a middleware with none of before, after and onError.
  xray ? xray.xrayHandlerSubsegment() : { before: () => undefined };

/** Indexed in X-Ray, so an account's traces can be found; an annotation, never a metric dimension. */
export const annotateAccount = (accountId: string): void => tracer?.putAnnotation('accountId', accountId);
