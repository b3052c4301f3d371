import type { DeploymentLifecycle, LifecycleHookCall, LifecycleHookStatus } from '../../ports/deployment-lifecycle';
import type { FunctionInvoker } from '../../ports/function-invoker';
import { probeFor } from './function-probes';
import { allPassed, runSmokeChecks, SmokeCheckFailure, type SmokeCheck, type SmokeResult } from './smoke-check';

export interface DeploymentVerification {
  lifecycle: DeploymentLifecycle;
  invoker: FunctionInvoker;
  /** `ordo-<stage>-`: what a function's deployed name starts with. */
  functionNamePrefix: string;
  stage: string;
  /** The stage-wide checks, built only when the health function is deployed (they read the canary key). */
  stageChecks: () => Promise<SmokeCheck[]>;
}

export interface VerificationOutcome {
  status: LifecycleHookStatus;
  functionName?: string;
  version?: string;
  results: SmokeResult[];
  error?: string;
}

/** Invokes the new version with its probe and checks the answer. */
const versionCheck = (functionName: string, version: string, context: DeploymentVerification): SmokeCheck => {
  const name = functionName.startsWith(context.functionNamePrefix) ? functionName.slice(context.functionNamePrefix.length) : functionName;
  const probe = probeFor(name, context.stage);
  return {
    name: `${functionName}:${version} ${probe.kind} probe`,
    run: async () => {
      const invocation = await context.invoker.invoke(functionName, version, probe.event);
      if (invocation.functionError) throw new SmokeCheckFailure(`failed with ${invocation.functionError}`);
      return probe.check(invocation.payload);
    },
  };
};

/**
 * The pre-traffic hook's work: find the version CodeDeploy is about to shift traffic to, prove it works, and tell
 * CodeDeploy. Anything that goes wrong on the way, the deployment's lookup included, answers Failed, so a version
 * nobody could check never takes traffic.
 */
export const verifyDeployment = async (call: LifecycleHookCall, context: DeploymentVerification): Promise<VerificationOutcome> => {
  let outcome: VerificationOutcome;
  try {
    const { functionName, version } = await context.lifecycle.targetOf(call.deploymentId);
    const checks = [versionCheck(functionName, version, context)];
    if (functionName === `${context.functionNamePrefix}health`) checks.push(...(await context.stageChecks()));
    const results = await runSmokeChecks(checks);
    outcome = { status: allPassed(results) ? 'Succeeded' : 'Failed', functionName, version, results };
  } catch (error) {
    outcome = { status: 'Failed', results: [], error: (error as Error).message };
  }
  await context.lifecycle.report(call, outcome.status);
  return outcome;
};
