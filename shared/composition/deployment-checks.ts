import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { CodeDeployDeploymentLifecycle } from '../adapters/codedeploy/codedeploy-deployment-lifecycle';
import { FetchStageApi } from '../adapters/http/fetch-stage-api';
import { LambdaFunctionInvoker } from '../adapters/lambda/lambda-function-invoker';
import { readSecureParameter } from '../adapters/ssm/secure-parameter';
import type { DeploymentVerification } from '../domain/operations/verify-deployment';
import { stageSmokeChecks } from '../domain/operations/stage-smoke-checks';
import { containerPart } from './account-context';
import { settings } from './settings';

const build = (): DeploymentVerification => {
  const { stage } = settings();
  const stageUrl = process.env.ORDO_STAGE_URL ?? '';
  const keyParameter = process.env.ORDO_SMOKE_KEY_PARAMETER || `/ordo/${stage}/smoke-api-key`;
  return {
    lifecycle: new CodeDeployDeploymentLifecycle(new CodeDeployClient({})),
    invoker: new LambdaFunctionInvoker(new LambdaClient({})),
    functionNamePrefix: `ordo-${stage}-`,
    stage,
    // Deployed, the stage can never reach a receiver in the hook: the round trip is signed and verified in process.
    stageChecks: async () => stageSmokeChecks({ api: new FetchStageApi(stageUrl), apiKey: await readSecureParameter(keyParameter) }),
  };
};

/** What the pre-traffic hook works with: CodeDeploy, the stage's functions, and the stage's own URL and canary key. */
export const deploymentChecks = (): DeploymentVerification => containerPart(build);
