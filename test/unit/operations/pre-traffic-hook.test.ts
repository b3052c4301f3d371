import { CodeDeployClient, GetDeploymentCommand, PutLifecycleEventHookExecutionStatusCommand } from '@aws-sdk/client-codedeploy';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { lambdaContext } from '../../support/lambda';
import { handler } from '../../../functions/operations/pre-traffic-hook';
import { CodeDeployDeploymentLifecycle } from '../../../shared/adapters/codedeploy/codedeploy-deployment-lifecycle';
import { LambdaFunctionInvoker } from '../../../shared/adapters/lambda/lambda-function-invoker';
import type { DeploymentVerification } from '../../../shared/domain/operations/verify-deployment';
import { FakeStageApi } from '../../support/stage-api';

const codeDeploy = mockClient(CodeDeployClient);
const lambda = mockClient(LambdaClient);

const HOOK_EVENT = { DeploymentId: 'd-ABC123', LifecycleEventHookExecutionId: 'hook-exec-1' };

/** The AppSpec CloudFormation hands CodeDeploy for an alias update. */
const appSpec = (functionName: string, targetVersion: string) =>
  JSON.stringify({
    version: 0.0,
    Resources: [{ fn: { Type: 'AWS::Lambda::Function', Properties: { Name: functionName, Alias: 'Live', CurrentVersion: '6', TargetVersion: targetVersion } } }],
  });

const deploying = (functionName: string, targetVersion = '7') =>
  codeDeploy.on(GetDeploymentCommand, { deploymentId: HOOK_EVENT.DeploymentId }).resolves({
    deploymentInfo: { revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec(functionName, targetVersion) } } },
  });

const answering = (payload: unknown, error?: string) =>
  lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: Buffer.from(JSON.stringify(payload)) as never, ...(error ? { FunctionError: error } : {}) });

const reportedStatus = () => codeDeploy.commandCalls(PutLifecycleEventHookExecutionStatusCommand).map((call) => call.args[0].input);

const verification = (stageApi = new FakeStageApi()): DeploymentVerification => ({
  lifecycle: new CodeDeployDeploymentLifecycle(new CodeDeployClient({})),
  invoker: new LambdaFunctionInvoker(new LambdaClient({})),
  functionNamePrefix: 'ordo-production-',
  stage: 'production',
  stageChecks: async () => [{ name: 'GET /v1/health', run: async () => String((await stageApi.request('GET', '/v1/health')).status) }],
});

const run = (context = verification()) => handler.with({ context: () => context })(HOOK_EVENT, lambdaContext());

describe('the pre-traffic hook', () => {
  beforeEach(() => {
    codeDeploy.reset();
    lambda.reset();
    codeDeploy.on(PutLifecycleEventHookExecutionStatusCommand).resolves({});
  });

  it('reports Succeeded when the new version of a route answers a keyless request with a 401 problem', async () => {
    // Prepare
    deploying('ordo-production-createOrder');
    answering({ statusCode: 401, body: JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'no key' }, requestId: 'r' }) });

    // Act
    await run();

    // Assess
    expect(reportedStatus()).toEqual([{ deploymentId: 'd-ABC123', lifecycleEventHookExecutionId: 'hook-exec-1', status: 'Succeeded' }]);
  });

  it('invokes the target version itself, not the alias', async () => {
    // Prepare
    deploying('ordo-production-processQueuedEvents', '12');
    answering({ batchItemFailures: [] });

    // Act
    await run();

    // Assess
    const [invocation] = lambda.commandCalls(InvokeCommand).map((call) => call.args[0].input);
    expect(invocation).toMatchObject({ FunctionName: 'ordo-production-processQueuedEvents', Qualifier: '12' });
    expect(JSON.parse(Buffer.from(invocation.Payload as Uint8Array).toString())).toEqual({ Records: [] });
    expect(reportedStatus()[0].status).toBe('Succeeded');
  });

  it('reports Failed when the new version answers something a working one would not', async () => {
    // Prepare
    deploying('ordo-production-createOrder');
    answering({ statusCode: 500, body: JSON.stringify({ error: { code: 'INTERNAL' }, requestId: 'r' }) });

    // Act
    const outcome = await run();

    // Assess
    expect(reportedStatus()[0].status).toBe('Failed');
    expect(outcome.results[0].detail).toBe('answered 500, expected 401');
  });

  it('reports Failed when the new version throws or cannot load', async () => {
    // Prepare
    deploying('ordo-production-processQueuedEvents');
    answering({ errorType: 'Runtime.ImportModuleError', errorMessage: "Cannot find module 'x'" }, 'Unhandled');

    // Act
    await run();

    // Assess
    expect(reportedStatus()[0].status).toBe('Failed');
  });

  it('reports Failed when the deployment cannot be read', async () => {
    // Prepare
    codeDeploy.on(GetDeploymentCommand).rejects(Object.assign(new Error('No deployment d-ABC123'), { name: 'DeploymentDoesNotExistException' }));

    // Act
    const outcome = await run();

    // Assess
    expect(reportedStatus()).toEqual([{ deploymentId: 'd-ABC123', lifecycleEventHookExecutionId: 'hook-exec-1', status: 'Failed' }]);
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(0);
    expect(outcome.error).toBeDefined();
  });

  it('runs the stage-wide checks too when the health function is deployed, and fails on theirs', async () => {
    // Prepare
    deploying('ordo-production-health');
    answering({ statusCode: 200, body: JSON.stringify({ status: 'ok', version: '1', dynamodb: 'ok', dynamodbLatencyMs: 3 }) });
    const failingStage = { ...verification(), stageChecks: async () => [{ name: 'POST /v1/events/dry-run', run: () => Promise.reject(new Error('answered 500')) }] };

    // Act
    const outcome = await run(failingStage);

    // Assess
    expect(outcome.results.map((result) => [result.name, result.passed])).toEqual([
      ['ordo-production-health:7 health probe', true],
      ['POST /v1/events/dry-run', false],
    ]);
    expect(reportedStatus()[0].status).toBe('Failed');
  });
});
