import { deploymentChecks } from '../../shared/composition/deployment-checks';
import { verifyDeployment } from '../../shared/domain/operations/verify-deployment';
import { consumerHandler } from '../../shared/runtime/lambda-handler';
import { logger } from '../../shared/runtime/logger';

/** What CodeDeploy sends a lifecycle hook. */
interface LifecycleHookEvent {
  DeploymentId: string;
  LifecycleEventHookExecutionId: string;
}

// CodeDeploy waits for the status this reports, not for the answer; the answer is for the log and for tests.
export const handler = consumerHandler(
  () => deploymentChecks(),
  async (event: LifecycleHookEvent, _lambda, context) => {
    const outcome = await verifyDeployment({ deploymentId: event.DeploymentId, hookExecutionId: event.LifecycleEventHookExecutionId }, context);
    const log = outcome.status === 'Succeeded' ? logger.info.bind(logger) : logger.error.bind(logger);
    log('pre-traffic checks done', { deploymentId: event.DeploymentId, ...outcome });
    return outcome;
  },
);
