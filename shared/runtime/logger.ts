import { search } from '@aws-lambda-powertools/jmespath';
import type { JSONObject } from '@aws-lambda-powertools/commons/types';
import { Logger } from '@aws-lambda-powertools/logger';

/** One logger per container. Never log bodies, headers or keys: they carry secrets and PII. */
export const logger = new Logger({
  serviceName: 'ordo',
  // The request id of API Gateway becomes the correlation id of every line.
  correlationIdSearchFn: (expression, data) => search(expression, data as JSONObject),
});
