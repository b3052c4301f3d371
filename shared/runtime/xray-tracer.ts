import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';

/** Powertools' tracer, which loads the X-Ray SDK: required by tracer.ts in Lambda only. One per container. */
export const xrayTracer = new Tracer({ serviceName: 'ordo' });

/** The handler's own subsegment; responses stay out of the trace: they carry customer data. */
export const xrayHandlerSubsegment = () => captureLambdaHandler(xrayTracer, { captureResponse: false });
