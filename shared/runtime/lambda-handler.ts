import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { logger } from './logger';

/** A non-HTTP Lambda (queue, bus, schedule): middy with the logger and nothing else. */
export const lambdaHandler = <E, R>(run: (event: E, context: Context) => Promise<R>) =>
  middy<E, R>().use(injectLambdaContext(logger, { resetKeys: true })).handler(run);
