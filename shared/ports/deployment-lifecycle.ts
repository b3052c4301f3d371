/** The function version a CodeDeploy deployment is about to move traffic to. */
export interface DeploymentTarget {
  functionName: string;
  version: string;
}

export type LifecycleHookStatus = 'Succeeded' | 'Failed';

/** One call of a lifecycle hook, as CodeDeploy names it. */
export interface LifecycleHookCall {
  deploymentId: string;
  hookExecutionId: string;
}

/** CodeDeploy, as the pre-traffic hook sees it: what is being deployed, and where to answer. */
export interface DeploymentLifecycle {
  targetOf(deploymentId: string): Promise<DeploymentTarget>;
  report(call: LifecycleHookCall, status: LifecycleHookStatus): Promise<void>;
}
