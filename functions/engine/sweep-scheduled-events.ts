import { dependencies } from '../../shared/config/dependencies';
import { orchestrationFor } from '../../shared/config/orchestration';
import { releaseScheduledEvents } from '../../shared/domain/orchestration/release-scheduled-events';
import { lambdaHandler } from '../../shared/runtime/lambda-handler';
import { logger } from '../../shared/runtime/logger';

export const handler = lambdaHandler(async (_event: unknown, context) => {
  const deps = dependencies();
  const result = await releaseScheduledEvents({
    controlPlane: deps.controlPlane,
    orchestrationFor,
    now: () => deps.clock.now(),
    // serverless offline and `invoke local` may hand over a context without the clock.
    timeLeftMs: typeof context?.getRemainingTimeInMillis === 'function' ? () => context.getRemainingTimeInMillis() : undefined,
    onAccountError: (accountId, error) =>
      logger.warn('scheduled events of an account were not released', { accountId, errorName: (error as Error)?.name }),
  });
  logger.info('scheduled events released', { ...result });
  return result;
});
