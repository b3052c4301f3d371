import { CodeDeployClient, GetDeploymentCommand, PutLifecycleEventHookExecutionStatusCommand } from '@aws-sdk/client-codedeploy';
import type { DeploymentLifecycle, DeploymentTarget, LifecycleHookCall, LifecycleHookStatus } from '../../ports/deployment-lifecycle';

interface LambdaAppSpec {
  Resources?: Record<string, { Type?: string; Properties?: { Name?: string; TargetVersion?: string | number } }>[];
}

/** The function and version a Lambda deployment's AppSpec (JSON, as CloudFormation writes it) moves traffic to. */
export const appSpecTarget = (content: string | undefined): DeploymentTarget => {
  if (!content) throw new Error('The deployment has no AppSpec content');
  let appSpec: LambdaAppSpec;
  try {
    appSpec = JSON.parse(content) as LambdaAppSpec;
  } catch {
    throw new Error('The deployment AppSpec is not JSON');
  }
  const resource = (appSpec.Resources ?? []).flatMap((entry) => Object.values(entry)).find((value) => value.Type === 'AWS::Lambda::Function');
  const { Name, TargetVersion } = resource?.Properties ?? {};
  if (!Name || TargetVersion === undefined) throw new Error('The deployment AppSpec names no Lambda function and target version');
  return { functionName: Name, version: String(TargetVersion) };
};

export class CodeDeployDeploymentLifecycle implements DeploymentLifecycle {
  constructor(private readonly client: CodeDeployClient) {}

  async targetOf(deploymentId: string): Promise<DeploymentTarget> {
    const { deploymentInfo } = await this.client.send(new GetDeploymentCommand({ deploymentId }));
    const revision = deploymentInfo?.revision;
    return appSpecTarget(revision?.appSpecContent?.content ?? revision?.string?.content);
  }

  async report(call: LifecycleHookCall, status: LifecycleHookStatus): Promise<void> {
    await this.client.send(
      new PutLifecycleEventHookExecutionStatusCommand({ deploymentId: call.deploymentId, lifecycleEventHookExecutionId: call.hookExecutionId, status }),
    );
  }
}
