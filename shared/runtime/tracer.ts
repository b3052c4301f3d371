import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { instrumentSdkClients } from './sdk-instrumentation';

/**
 * One tracer per container. It switches itself off outside Lambda (the local stack, `serverless
 * invoke local`, the tests) and with POWERTOOLS_TRACE_ENABLED=false, so nothing there looks for an
 * X-Ray daemon.
 */
export const tracer = new Tracer({ serviceName: 'ordo' });

// Every SDK client the composition root builds from now on shows its calls as subsegments of the invocation's trace.
instrumentSdkClients((client) => tracer.captureAWSv3Client(client));

/**
 * The handler's own subsegment, which annotations need (Lambda's segment takes none). Responses
 * stay out of the trace: they carry customer data.
 */
export const tracedHandler = () => captureLambdaHandler(tracer, { captureResponse: false });

/** Indexed in X-Ray, so an account's traces can be found; an annotation, never a metric dimension. */
export const annotateAccount = (accountId: string): void => tracer.putAnnotation('accountId', accountId);
