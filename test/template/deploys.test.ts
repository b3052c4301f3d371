import { PACKAGED_REGIONS, packagedFunctions, packagedTemplate, resourcesOfType, type PackagedTemplate, type TemplateResource } from './packaged-template';

type Properties = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const props = (resource: TemplateResource): Properties => resource.Properties ?? {};

/** A resource's properties with its logical id beside them. */
const withId = ([id, resource]: [string, TemplateResource]): Properties => ({ id, ...props(resource) });

const alarms = (template: PackagedTemplate): Properties[] => resourcesOfType(template, 'AWS::CloudWatch::Alarm').map(withId);

/** Logical ids of the functions each alarm watches through a metric dimension. */
const functionsWatchedFor = (template: PackagedTemplate, metric: string): string[] =>
  alarms(template).flatMap((alarm) =>
    ((alarm.Metrics ?? []) as { MetricStat?: { Metric: { MetricName: string; Dimensions: { Value: { Ref: string } }[] } } }[])
      .filter((query) => query.MetricStat?.Metric.MetricName === metric)
      .map((query) => query.MetricStat!.Metric.Dimensions[0].Value.Ref),
  );

const functionIds = (template: PackagedTemplate) => resourcesOfType(template, 'AWS::Lambda::Function').map(([id]) => id);

const aliasOf = (template: PackagedTemplate, functionId: string) => template.Resources[`${functionId}AliasLive`];

describe.each(PACKAGED_REGIONS)('alarms and canary deploys in the production template for %s', (region) => {
  const template = packagedTemplate(region);

  it('has an alert topic with an email subscription left out when no address is given', () => {
    // Prepare
    const [[topicId]] = resourcesOfType(template, 'AWS::SNS::Topic');

    // Act
    const subscriptions = resourcesOfType(template, 'AWS::SNS::Subscription').map(([, subscription]) => ({ ...props(subscription), Condition: subscription.Condition }));

    // Assess
    expect(subscriptions).toEqual(
      expect.arrayContaining([
        { TopicArn: { Ref: topicId }, Protocol: 'email', Endpoint: { Ref: 'AlertEmail' }, Condition: 'AlertEmailGiven' },
        { TopicArn: { Ref: topicId }, Protocol: 'https', Endpoint: { Ref: 'AlertHttpsEndpoint' }, Condition: 'AlertHttpsEndpointGiven' },
      ]),
    );
  });

  it('has a depth alarm for every DLQ, each notifying the topic', () => {
    // Prepare
    const dlqs = ['EventsDlq', 'InventoryBatchDlq', 'WebhookDlq', 'BusIngressDlq', 'OutboxDlq'];

    // Act
    const watched = alarms(template)
      .filter((alarm) => alarm.MetricName === 'ApproximateNumberOfMessagesVisible')
      .map((alarm) => ({ queue: alarm.Dimensions[0].Value['Fn::GetAtt'][0], actions: alarm.AlarmActions, threshold: alarm.Threshold }));

    // Assess
    expect(watched.map(({ queue }) => queue).sort()).toEqual(dlqs.sort());
    expect(watched.every(({ actions, threshold }) => actions[0].Ref === 'AlertTopic' && threshold === 0)).toBe(true);
  });

  it('watches the Errors and the Throttles of every function', () => {
    // Prepare
    const everyFunction = functionIds(template).sort();

    // Act
    const errors = functionsWatchedFor(template, 'Errors').sort();
    const throttles = functionsWatchedFor(template, 'Throttles').sort();

    // Assess
    expect(errors).toEqual(everyFunction);
    expect(throttles).toEqual(everyFunction);
  });

  it('alarms on the API 5xx rate, its p99 latency and stuck events', () => {
    // Prepare
    const byId = Object.fromEntries(alarms(template).map((alarm) => [alarm.id, alarm]));

    // Act
    const queries = byId.ApiServerErrorRateAlarm.Metrics.map((query: { Expression?: string; MetricStat?: { Metric: { MetricName: string } } }) => query.Expression ?? query.MetricStat?.Metric.MetricName);

    // Assess
    expect(queries).toEqual(['5XXError', 'Count', 'IF(requests > 0, 100 * errors / requests, 0)']);
    expect(byId.ApiLatencyP99Alarm).toMatchObject({ MetricName: 'Latency', ExtendedStatistic: 'p99' });
    expect(byId.StuckEventsAlarm.Metrics[0].Expression).toBe('SELECT SUM(StuckEvents) FROM Ordo');
  });

  it('names the REST API as the API alarms expect', () => {
    // Prepare
    const [[, restApi]] = resourcesOfType(template, 'AWS::ApiGateway::RestApi');

    // Act
    const alarmApiName = alarms(template).find((alarm) => alarm.id === 'ApiLatencyP99Alarm')?.Dimensions[0].Value;

    // Assess
    expect(alarmApiName).toBe(props(restApi).Name);
  });

  it('gives every canaried function a Live alias that shifts traffic after the pre-traffic hook', () => {
    // Prepare
    const canaried = resourcesOfType(template, 'AWS::CodeDeploy::DeploymentGroup').map(([id]) => id.replace(/DeploymentGroup$/, ''));

    // Act
    const policies = canaried.map((id) => aliasOf(template, id)?.UpdatePolicy?.CodeDeployLambdaAliasUpdate as Record<string, unknown>);

    // Assess
    expect(canaried.length).toBeGreaterThan(40);
    expect(policies.every((policy) => (policy.BeforeAllowTrafficHook as { Ref: string }).Ref === 'PreTrafficHookLambdaFunction')).toBe(true);
    expect(canaried).not.toContain('PreTrafficHookLambdaFunction');
  });

  it('shifts production traffic linearly, 10% a minute, rolling back on failure and on its alarms', () => {
    // Prepare
    const groups = resourcesOfType(template, 'AWS::CodeDeploy::DeploymentGroup').map(withId);

    // Act
    const health = groups.find((group) => group.id === 'HealthLambdaFunctionDeploymentGroup');

    // Assess
    expect(health?.DeploymentConfigName['Fn::Sub'][1].ConfigName).toBe('Linear10PercentEvery1Minute');
    expect(health?.AutoRollbackConfiguration.Events).toEqual(expect.arrayContaining(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']));
    expect(health?.AlarmConfiguration.Alarms.map((alarm: { Name: { Ref: string } }) => alarm.Name.Ref)).toEqual([
      expect.stringMatching(/^LambdaFunctionsErrorsAlarm\d+$/),
      'ApiServerErrorRateAlarm',
      'ApiLatencyP99Alarm',
    ]);
    expect(groups.every((group) => group.AlarmConfiguration?.Enabled && group.AutoRollbackConfiguration?.Enabled)).toBe(true);
  });

  it("rolls each deployment back on the Errors alarm that watches that function", () => {
    // Prepare
    const errorsAlarmOf = new Map(
      alarms(template)
        .filter((alarm) => alarm.id.startsWith('LambdaFunctionsErrorsAlarm'))
        .flatMap((alarm) => functionsWatchedFor({ Resources: { [alarm.id]: template.Resources[alarm.id] } }, 'Errors').map((fn) => [fn, alarm.id])),
    );

    // Act
    const mismatched = resourcesOfType(template, 'AWS::CodeDeploy::DeploymentGroup').filter(
      ([id, group]) => props(group).AlarmConfiguration.Alarms[0].Name.Ref !== errorsAlarmOf.get(id.replace(/DeploymentGroup$/, '')),
    );

    // Assess
    expect(mismatched).toEqual([]);
  });

  it('points the API methods and the queue event sources of canaried functions at their aliases', () => {
    // Prepare
    const canaried = new Set(resourcesOfType(template, 'AWS::CodeDeploy::DeploymentGroup').map(([id]) => id.replace(/DeploymentGroup$/, '')));

    // Act
    const mappings = resourcesOfType(template, 'AWS::Lambda::EventSourceMapping').map(([, mapping]) => props(mapping).FunctionName);
    const healthMethod = resourcesOfType(template, 'AWS::ApiGateway::Method').find(([id]) => id === 'ApiGatewayMethodV1HealthGet');

    // Assess
    expect(mappings.every((target) => typeof target.Ref === 'string' && target.Ref.endsWith('AliasLive') && canaried.has(target.Ref.replace(/AliasLive$/, '')))).toBe(true);
    expect(JSON.stringify(healthMethod?.[1].Properties)).toContain('HealthLambdaFunctionAliasLive');
  });

  it('has a dashboard with the DLQ depths, function errors, API 5xx and latency and stuck events', () => {
    // Prepare
    const [[, dashboard]] = resourcesOfType(template, 'AWS::CloudWatch::Dashboard');

    // Act
    const body = JSON.stringify(props(dashboard).DashboardBody);

    // Assess
    for (const figure of ['DLQ depth', 'Function errors', 'Function throttles', 'API 5xx rate', 'API p99 latency', 'Stuck events', 'Orders created']) {
      expect(body).toContain(figure);
    }
  });

  it('gives CodeDeploy a role that may invoke the hook, without full Lambda access', () => {
    // Prepare
    const groups = resourcesOfType(template, 'AWS::CodeDeploy::DeploymentGroup').map(withId);

    // Act
    const roles = new Set(groups.map((group) => JSON.stringify(group.ServiceRoleArn)));

    // Assess
    expect([...roles]).toEqual([JSON.stringify({ 'Fn::GetAtt': ['CanaryDeployRole', 'Arn'] })]);
    expect(JSON.stringify(template.Resources)).not.toContain('AWSLambda_FullAccess');
  });

  it('deploys the pre-traffic hook function', () => {
    // Prepare
    const functions = packagedFunctions(region);

    // Act
    const hook = functions.preTrafficHook;

    // Assess
    expect(hook?.handler).toBe('functions/operations/pre-traffic-hook.handler');
  });
});
