import { scheduledRelease } from '../../shared/composition/scheduled-release';
import { releaseScheduledEvents } from '../../shared/domain/orchestration/release-scheduled-events';
import { consumerHandler } from '../../shared/runtime/lambda-handler';
import { logger } from '../../shared/runtime/logger';

export const handler = consumerHandler(scheduledRelease, async (_event: unknown, lambdaContext, context) => {
  const result = await releaseScheduledEvents(
    {
      // serverless offline and `invoke local` may hand over a context without the clock.
      timeLeftMs:
        typeof lambdaContext?.getRemainingTimeInMillis === 'function' ? () => lambdaContext.getRemainingTimeInMillis() : undefined,
      onAccountError: (accountId, error) =>
        logger.warn('scheduled events of an account were not released', { accountId, errorName: (error as Error)?.name }),
    },
    context,
  );
  logger.info('scheduled events released', { ...result });
  return result;
});
