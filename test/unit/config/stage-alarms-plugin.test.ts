import StageAlarms from '../../../infra/plugins/stage-alarms';

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

const queue = (name: string, redrivesTo?: string) => ({
  Type: 'AWS::SQS::Queue',
  Properties: { QueueName: name, ...(redrivesTo ? { RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [redrivesTo, 'Arn'] }, maxReceiveCount: 5 } } : {}) },
});

const fn = (name: string) => ({ Type: 'AWS::Lambda::Function', Properties: { FunctionName: `ordo-test-${name}` } });

const logicalId = (name: string) => `${name[0].toUpperCase()}${name.slice(1)}LambdaFunction`;

/** A template like the stage's: a consumed queue with its DLQ, a queue something parks failures in, and functions. */
const template = (functionNames: string[]): Resources => ({
  WorkQueue: queue('ordo-test-work', 'WorkDlq'),
  WorkDlq: queue('ordo-test-work-dlq'),
  ParkingDlq: queue('ordo-test-parking-dlq'),
  WorkMapping: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { EventSourceArn: { 'Fn::GetAtt': ['WorkQueue', 'Arn'] } } },
  AlertTopic: { Type: 'AWS::SNS::Topic' },
  ...Object.fromEntries(functionNames.map((name) => [logicalId(name), fn(name)])),
});

const serverlessWith = (resources: Resources, functionNames: string[], custom: Record<string, unknown>) => {
  const functions: Record<string, Record<string, unknown>> = Object.fromEntries(functionNames.map((name) => [name, { handler: `${name}.handler` }]));
  return {
    functions,
    serverless: {
      service: {
        custom,
        provider: { compiledCloudFormationTemplate: { Resources: resources } },
        getAllFunctions: () => functionNames,
        getFunction: (name: string) => functions[name],
      },
      getProvider: () => ({ naming: { getStackName: () => 'ordo-test', getLambdaLogicalId: logicalId, getRoleLogicalId: () => 'IamRoleLambdaExecution' } }),
    },
  };
};

const names = (count: number) => Array.from({ length: count }, (_, i) => `fn${String(i).padStart(2, '0')}`);

describe('the stage-alarms plugin', () => {
  it('finds every DLQ: the queues redriven into and the queues nothing consumes', () => {
    // Prepare
    const resources = template([]);

    // Act
    const dlqs = StageAlarms.deadLetterQueues(resources);

    // Assess
    expect(dlqs).toEqual(['ParkingDlq', 'WorkDlq']);
  });

  it('gives a DLQ added later its depth alarm, notifying the topic', () => {
    // Prepare
    const resources = { ...template([]), NewDlq: queue('ordo-test-new-dlq.fifo') };

    // Act
    const { alarms } = StageAlarms.stageAlarms(resources, { topic: 'AlertTopic', stackName: 'ordo-test' });

    // Assess
    expect(alarms.NewDlqDepthAlarm.Properties).toMatchObject({
      AlarmName: 'ordo-test-new-dlq-depth',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: 'AlertTopic' }],
      OKActions: [{ Ref: 'AlertTopic' }],
    });
  });

  it('watches the Errors and Throttles of every function, ten functions to an alarm', () => {
    // Prepare
    const functionNames = names(23);

    // Act
    const { alarms, errorsAlarmOf } = StageAlarms.stageAlarms(template(functionNames), { topic: 'AlertTopic', stackName: 'ordo-test' });

    // Assess
    const watched = (metric: string) =>
      Object.values(alarms)
        .flatMap((alarm) => (alarm.Properties?.Metrics as { MetricStat?: { Metric: { MetricName: string; Dimensions: { Value: { Ref: string } }[] } } }[] | undefined) ?? [])
        .filter((metric_) => metric_.MetricStat?.Metric.MetricName === metric)
        .map((metric_) => metric_.MetricStat?.Metric.Dimensions[0].Value.Ref)
        .sort();
    const everyFunction = functionNames.map(logicalId).sort();
    expect(watched('Errors')).toEqual(everyFunction);
    expect(watched('Throttles')).toEqual(everyFunction);
    expect(Object.keys(alarms).filter((id) => id.startsWith('LambdaFunctionsErrorsAlarm'))).toHaveLength(3);
    expect(new Set(Object.values(errorsAlarmOf))).toEqual(new Set(['LambdaFunctionsErrorsAlarm1', 'LambdaFunctionsErrorsAlarm2', 'LambdaFunctionsErrorsAlarm3']));
  });

  it('gives every function but the hook and the ones kept out the alarms its deployment rolls back on', () => {
    // Prepare
    const functionNames = ['health', 'relayOutbox', 'preTrafficHook'];
    const custom = {
      deploymentSettings: { type: 'AllAtOnce', alias: 'Live', preTrafficHook: 'preTrafficHook' },
      stageAlarms: { topic: 'AlertTopic', deploymentAlarms: ['ApiServerErrorRateAlarm'], notCanaried: ['relayOutbox'] },
    };
    const { serverless, functions } = serverlessWith(template(functionNames), functionNames, custom);

    // Act
    new StageAlarms(serverless).addAlarms();

    // Assess
    expect(functions.health.deploymentSettings).toEqual({ alarms: ['LambdaFunctionsErrorsAlarm1', 'ApiServerErrorRateAlarm'] });
    expect(functions.relayOutbox.deploymentSettings).toBeUndefined();
    expect(functions.preTrafficHook.deploymentSettings).toBeUndefined();
    expect(serverless.service.provider.compiledCloudFormationTemplate.Resources.LambdaFunctionsErrorsAlarm1).toBeDefined();
  });

  it('refuses to run without the alert topic in the template', () => {
    // Prepare
    const { serverless } = serverlessWith(template(['health']), ['health'], { stageAlarms: { topic: 'MissingTopic' } });

    // Act
    const run = () => new StageAlarms(serverless).addAlarms();

    // Assess
    expect(run).toThrow(/custom.stageAlarms.topic/);
  });

  it('takes the hook-status grant off the shared role once the hook has a role of its own', () => {
    // Prepare
    const report = { Effect: 'Allow', Action: ['codedeploy:PutLifecycleEventHookExecutionStatus'], Resource: ['arn'] };
    const logs = { Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: ['arn'] };
    const resources: Resources = {
      ...template(['health', 'preTrafficHook']),
      IamRoleLambdaExecution: { Type: 'AWS::IAM::Role', Properties: { Policies: [{ PolicyDocument: { Statement: [logs, report] } }] } },
    };
    resources.PreTrafficHookLambdaFunction.Properties = { Role: { 'Fn::GetAtt': ['PreTrafficHookIamRoleLambdaExecution', 'Arn'] } };
    const { serverless } = serverlessWith(resources, ['health', 'preTrafficHook'], { deploymentSettings: { preTrafficHook: 'preTrafficHook' } });

    // Act
    new StageAlarms(serverless).keepHookPermissionWithTheHook();

    // Assess
    expect((resources.IamRoleLambdaExecution.Properties as { Policies: { PolicyDocument: { Statement: unknown[] } }[] }).Policies[0].PolicyDocument.Statement).toEqual([logs]);
  });

  it('leaves the grant on the shared role while the hook uses it', () => {
    // Prepare
    const report = { Effect: 'Allow', Action: ['codedeploy:PutLifecycleEventHookExecutionStatus'], Resource: ['arn'] };
    const resources: Resources = {
      ...template(['preTrafficHook']),
      IamRoleLambdaExecution: { Type: 'AWS::IAM::Role', Properties: { Policies: [{ PolicyDocument: { Statement: [report] } }] } },
    };
    resources.PreTrafficHookLambdaFunction.Properties = { Role: { 'Fn::GetAtt': ['IamRoleLambdaExecution', 'Arn'] } };
    const { serverless } = serverlessWith(resources, ['preTrafficHook'], { deploymentSettings: { preTrafficHook: 'preTrafficHook' } });

    // Act
    new StageAlarms(serverless).keepHookPermissionWithTheHook();

    // Assess
    expect((resources.IamRoleLambdaExecution.Properties as { Policies: { PolicyDocument: { Statement: unknown[] } }[] }).Policies[0].PolicyDocument.Statement).toEqual([report]);
  });
});
