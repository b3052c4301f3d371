import RequestLogSubscriptionsPlugin, { requestLogSubscriptions } from '../../../infra/plugins/request-log-subscriptions';
import type { RequestLogSubscriptionSettings, ServerlessFunction } from '../../../infra/plugins/request-log-subscriptions';
import type { TemplateResource } from '../../../infra/plugins/api-stage';

const settings: RequestLogSubscriptionSettings = {
  destination: 'RequestLogStream',
  role: 'RequestLogSubscriptionRole',
  filterPattern: '{ $.message = "request completed" }',
};

const logGroup = (functionName: string): TemplateResource => ({
  Type: 'AWS::Logs::LogGroup',
  Properties: { LogGroupName: `/aws/lambda/${functionName}`, RetentionInDays: 30 },
});

/** A template as serverless compiles it: a log group a function, and the stream and role serverless.yml declares. */
const templateResources = (): Record<string, TemplateResource> => ({
  HealthLogGroup: logGroup('ordo-production-health'),
  ProcessQueuedEventsLogGroup: logGroup('ordo-production-processQueuedEvents'),
  RequestLogStream: { Type: 'AWS::KinesisFirehose::DeliveryStream', Properties: {} },
  RequestLogSubscriptionRole: { Type: 'AWS::IAM::Role', Properties: {} },
});

const functions: Record<string, ServerlessFunction> = {
  health: { name: 'ordo-production-health', events: [{ http: { path: '/v1/health', method: 'get' } }] },
  processQueuedEvents: { name: 'ordo-production-processQueuedEvents', events: [{ sqs: { arn: 'arn' } }] },
};

describe('the request-log-subscriptions serverless plugin', () => {
  it("subscribes an HTTP function's log group to the stream with the role and the filter pattern of serverless.yml", () => {
    // Act
    const filters = requestLogSubscriptions(functions, templateResources(), settings);

    // Assess
    expect(filters.HealthRequestLogSubscription).toEqual({
      Type: 'AWS::Logs::SubscriptionFilter',
      Properties: {
        LogGroupName: { Ref: 'HealthLogGroup' },
        FilterPattern: '{ $.message = "request completed" }',
        DestinationArn: { 'Fn::GetAtt': ['RequestLogStream', 'Arn'] },
        RoleArn: { 'Fn::GetAtt': ['RequestLogSubscriptionRole', 'Arn'] },
      },
    });
  });

  it('leaves out the functions no HTTP event invokes', () => {
    // Act
    const filters = requestLogSubscriptions(functions, templateResources(), settings);

    // Assess
    expect(Object.keys(filters)).toEqual(['HealthRequestLogSubscription']);
  });

  it('refuses an HTTP function without a log group, rather than leave its requests out silently', () => {
    // Prepare
    const resources = templateResources();
    delete resources.HealthLogGroup;

    // Act
    const subscribe = () => requestLogSubscriptions(functions, resources, settings);

    // Assess
    expect(subscribe).toThrow('function health answers HTTP but has no log group in the template to subscribe');
  });

  it('refuses a destination that is not a Firehose stream of the template', () => {
    // Act
    const subscribe = () => requestLogSubscriptions(functions, templateResources(), { ...settings, destination: 'RequestLogQueue' });

    // Assess
    expect(subscribe).toThrow('custom.requestLogSubscriptions.destination must name a AWS::KinesisFirehose::DeliveryStream');
  });

  it('refuses to package without its settings', () => {
    // Act
    const subscribe = () => requestLogSubscriptions(functions, templateResources(), undefined);

    // Assess
    expect(subscribe).toThrow('custom.requestLogSubscriptions is missing');
  });

  it('adds the filters to the compiled template once serverless.yml resources are merged in', () => {
    // Prepare
    const resources = templateResources();
    const plugin = new RequestLogSubscriptionsPlugin({
      service: { functions, custom: { requestLogSubscriptions: settings }, provider: { compiledCloudFormationTemplate: { Resources: resources } } },
    });

    // Act
    plugin.hooks['after:aws:package:finalize:mergeCustomProviderResources']();

    // Assess
    expect(resources.HealthRequestLogSubscription?.Type).toBe('AWS::Logs::SubscriptionFilter');
  });
});
