import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import './local-key-guard';
import { logger } from './logger';
import { tracedHandler } from './tracer';

/** A non-HTTP Lambda (queue, bus, schedule): middy with the logger and the tracer's subsegment. */
export const lambdaHandler = <E, R>(run: (event: E, context: Context) => Promise<R>) =>
  middy<E, R>().use(injectLambdaContext(logger, { resetKeys: true })).use(tracedHandler()).handler(run);

/** A non-HTTP Lambda over what its use case needs; tests pass fakes through `handler.with({ context })`. */
export type ConsumerHandler<E, R, C> = ReturnType<typeof lambdaHandler<E, R>> & {
  with(parts: { context?: (lambdaContext: Context) => C }): ReturnType<typeof lambdaHandler<E, R>>;
};

/**
 * A non-HTTP Lambda whose use case runs over `context`, a composition part built on the first
 * invocation (never at import, so a test's fakes replace it before anything real is built). The part
 * may read the invocation's Lambda context (the scheduled import registers its remaining time).
 */
export const consumerHandler = <E, R, C>(
  context: (lambdaContext: Context) => C,
  run: (event: E, lambdaContext: Context, context: C) => Promise<R>,
): ConsumerHandler<E, R, C> => {
  const over = (parts: { context?: (lambdaContext: Context) => C }) =>
    lambdaHandler((event: E, lambdaContext: Context) => run(event, lambdaContext, (parts.context ?? context)(lambdaContext)));
  return Object.assign(over({}), { with: over });
};
