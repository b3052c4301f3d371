import {
  PACKAGED_REGIONS,
  type PackagedTemplate,
  type TemplateResource,
  packagedFunctions,
  packagedTemplate,
  resourcesOfType,
} from './packaged-template';

type Properties = Record<string, unknown>;

/** The one resource of a type, with its logical id; fails when there is none or several. */
const onlyOfType = (template: PackagedTemplate, type: string): [string, TemplateResource] => {
  const found = resourcesOfType(template, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
};

const propertiesOf = (resource: TemplateResource | undefined): Properties => resource?.Properties ?? {};

/** A string built with Fn::Join or Fn::Sub, with each Ref written ${LogicalId} and each GetAtt ${LogicalId.Attribute}. */
const rendered = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const intrinsic = value as { 'Fn::Join'?: [string, unknown[]]; 'Fn::Sub'?: string; 'Fn::GetAtt'?: [string, string]; Ref?: string };
  if (intrinsic.Ref) return `\${${intrinsic.Ref}}`;
  if (intrinsic['Fn::GetAtt']) return `\${${intrinsic['Fn::GetAtt'].join('.')}}`;
  if (intrinsic['Fn::Sub']) return intrinsic['Fn::Sub'];
  if (intrinsic['Fn::Join']) return intrinsic['Fn::Join'][1].map(rendered).join(intrinsic['Fn::Join'][0]);
  throw new Error(`cannot render ${JSON.stringify(value)}`);
};

const getAttTarget = (value: unknown): string | undefined => (value as { 'Fn::GetAtt'?: [string, string] })?.['Fn::GetAtt']?.[0];

interface WafRule {
  Name: string;
  Action?: { Block?: { CustomResponse?: { ResponseCode: number; CustomResponseBodyKey: string; ResponseHeaders: { Name: string; Value: string }[] } } };
  Statement: {
    ManagedRuleGroupStatement?: { VendorName: string; Name: string; RuleActionOverrides?: { Name: string; ActionToUse: Record<string, unknown> }[] };
    RateBasedStatement?: { Limit: number; AggregateKeyType: string };
  };
}

interface S3Destination {
  BucketARN: unknown;
  RoleARN: unknown;
  Prefix: string;
  ErrorOutputPrefix: string;
  CompressionFormat: string;
  ProcessingConfiguration: { Enabled: boolean; Processors: { Type: string; Parameters?: { ParameterName: string; ParameterValue: string }[] }[] };
}

const DATE_PARTITIONS = 'year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/';

/** An access log line as API Gateway would write it: every $context variable given a value. */
const sampleAccessLogLine = (format: string): Record<string, unknown> =>
  JSON.parse(format.replace(/\$context\.[\w.]+/g, 'sample')) as Record<string, unknown>;

describe.each(PACKAGED_REGIONS)('the edge of the production template packaged for %s', (region) => {
  const template = packagedTemplate(region);
  const [webAclId, webAcl] = onlyOfType(template, 'AWS::WAFv2::WebACL');
  const rules = propertiesOf(webAcl).Rules as WafRule[];
  const [stageId, stage] = onlyOfType(template, 'AWS::ApiGateway::Stage');
  const streams = resourcesOfType(template, 'AWS::KinesisFirehose::DeliveryStream');
  const destinationOf = (streamId: string) => propertiesOf(template.Resources[streamId]).ExtendedS3DestinationConfiguration as S3Destination;
  const accessLogStreamId = getAttTarget((propertiesOf(stage).AccessLogSetting as Properties | undefined)?.DestinationArn) ?? '';
  const tables = resourcesOfType(template, 'AWS::Glue::Table').map(([, table]) => propertiesOf(table).TableInput as Properties);
  const tableNamed = (name: string) => tables.find((table) => table.Name === name);

  it('protects the API with a regional WebACL running the Common, SQLi and Known-Bad-Inputs rule groups of AWS', () => {
    // Act
    const managed = rules.flatMap((rule) => (rule.Statement.ManagedRuleGroupStatement ? [rule.Statement.ManagedRuleGroupStatement] : []));

    // Assess
    expect(propertiesOf(webAcl).Scope).toBe('REGIONAL');
    expect(managed.map(({ VendorName, Name }) => `${VendorName}/${Name}`).sort()).toEqual([
      'AWS/AWSManagedRulesCommonRuleSet',
      'AWS/AWSManagedRulesKnownBadInputsRuleSet',
      'AWS/AWSManagedRulesSQLiRuleSet',
    ]);
  });

  it('only counts the Common rule set\'s 8 KB body limit, so inventory batches and big orders get through', () => {
    // Act
    const common = rules.find((rule) => rule.Statement.ManagedRuleGroupStatement?.Name === 'AWSManagedRulesCommonRuleSet');

    // Assess
    expect(common?.Statement.ManagedRuleGroupStatement?.RuleActionOverrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
  });

  it('answers an IP over the production rate limit with a 429, a Retry-After and an error body of the contract', () => {
    // Prepare
    const rateRule = rules.find((rule) => rule.Statement.RateBasedStatement);
    const response = rateRule?.Action?.Block?.CustomResponse;
    const bodies = propertiesOf(webAcl).CustomResponseBodies as Record<string, { ContentType: string; Content: string }>;

    // Act
    const body = JSON.parse(bodies[response?.CustomResponseBodyKey ?? ''].Content) as { error: { code: string; message: string }; requestId: string };

    // Assess
    expect(rateRule?.Statement.RateBasedStatement).toEqual({ Limit: 10000, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
    expect(response?.ResponseCode).toBe(429);
    expect(response?.ResponseHeaders).toEqual([{ Name: 'Retry-After', Value: expect.stringMatching(/^\d+$/) }]);
    expect(body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) }, requestId: expect.any(String) });
  });

  it('associates the WebACL with the API stage', () => {
    // Act
    const [, association] = onlyOfType(template, 'AWS::WAFv2::WebACLAssociation');

    // Assess
    expect(getAttTarget(propertiesOf(association).WebACLArn)).toBe(webAclId);
    expect(rendered(propertiesOf(association).ResourceArn)).toBe(
      `arn:\${AWS::Partition}:apigateway:\${AWS::Region}::/restapis/\${ApiGatewayRestApi}/stages/\${${stageId}}`,
    );
  });

  it('creates the stage once, as its own resource pointing at the deployment, not also through the deployment', () => {
    // Prepare
    const [deploymentId, deployment] = onlyOfType(template, 'AWS::ApiGateway::Deployment');

    // Act
    const pointsAt = (propertiesOf(stage).DeploymentId as { Ref: string }).Ref;

    // Assess
    expect(pointsAt).toBe(deploymentId);
    expect(propertiesOf(stage).StageName).toBe('production');
    expect(propertiesOf(deployment).StageName).toBeUndefined();
  });

  it('throttles every method of the stage at the production rate and burst, and logs no request data in execution logs', () => {
    // Act
    const settings = propertiesOf(stage).MethodSettings;

    // Assess
    expect(settings).toEqual([
      expect.objectContaining({
        ResourcePath: '/*',
        HttpMethod: '*',
        ThrottlingRateLimit: 1000,
        ThrottlingBurstLimit: 2000,
        LoggingLevel: 'OFF',
        DataTraceEnabled: false,
      }),
    ]);
  });

  it.each([
    ['THROTTLED', '429', 'RATE_LIMITED'],
    ['WAF_FILTERED', '403', 'FORBIDDEN'],
  ])('answers %s from API Gateway itself with a %s and an error body of the contract', (type, status, code) => {
    // Prepare
    const response = resourcesOfType(template, 'AWS::ApiGateway::GatewayResponse')
      .map(([, resource]) => propertiesOf(resource))
      .find((properties) => properties.ResponseType === type);
    const bodyTemplate = (response?.ResponseTemplates as Record<string, string>)['application/json'];

    // Act
    const body = JSON.parse(bodyTemplate.replace('$context.requestId', 'c0ffee')) as unknown;

    // Assess
    expect(response?.StatusCode).toBe(status);
    expect(body).toEqual({ error: { code, message: expect.any(String) }, requestId: 'c0ffee' });
  });

  it.each(['DEFAULT_4XX', 'DEFAULT_5XX'])('answers any other %s from API Gateway in the contract\'s error shape, its response type as the code', (type) => {
    // Prepare
    const response = resourcesOfType(template, 'AWS::ApiGateway::GatewayResponse')
      .map(([, resource]) => propertiesOf(resource))
      .find((properties) => properties.ResponseType === type);
    const bodyTemplate = (response?.ResponseTemplates as Record<string, string>)['application/json'];

    // Act
    const body = JSON.parse(
      bodyTemplate
        .replace('$context.error.responseType', 'INTEGRATION_TIMEOUT')
        .replace('$context.error.messageString', '"Endpoint request timed out"')
        .replace('$context.requestId', 'c0ffee'),
    ) as unknown;

    // Assess
    expect(body).toEqual({ error: { code: 'INTEGRATION_TIMEOUT', message: 'Endpoint request timed out' }, requestId: 'c0ffee' });
  });

  it('builds the deployment only once the gateway responses exist, so it serves them', () => {
    // Act
    const [, deployment] = onlyOfType(template, 'AWS::ApiGateway::Deployment');

    // Assess
    expect(deployment.DependsOn).toEqual(expect.arrayContaining(resourcesOfType(template, 'AWS::ApiGateway::GatewayResponse').map(([id]) => id)));
  });

  it('sends the access logs to a Firehose stream whose name starts with amazon-apigateway-, as API Gateway requires', () => {
    // Act
    const name = propertiesOf(template.Resources[accessLogStreamId]).DeliveryStreamName;

    // Assess
    expect(template.Resources[accessLogStreamId]?.Type).toBe('AWS::KinesisFirehose::DeliveryStream');
    expect(name).toMatch(/^amazon-apigateway-/);
  });

  it('logs each request as one JSON line with the route template, status, latencies and WAF verdict', () => {
    // Act
    const line = sampleAccessLogLine((propertiesOf(stage).AccessLogSetting as { Format: string }).Format);

    // Assess
    expect(Object.keys(line)).toEqual(
      expect.arrayContaining(['requestId', 'ip', 'requestTime', 'httpMethod', 'resourcePath', 'path', 'status', 'protocol']),
    );
    expect(Object.keys(line)).toEqual(
      expect.arrayContaining(['responseLength', 'integrationLatency', 'responseLatency', 'userAgent', 'wafResponseCode', 'errorMessage']),
    );
  });

  it('keeps headers, keys and bodies out of the access logs', () => {
    // Act
    const format = (propertiesOf(stage).AccessLogSetting as { Format: string }).Format;

    // Assess
    expect(format).not.toMatch(/authorization|apiKey|api_key|\$input|\$method\.request|body/i);
  });

  it.each([
    ['access logs', () => accessLogStreamId, 'access-logs/'],
    ['request summaries', () => 'RequestLogStream', 'requests/'],
  ])('writes the %s gzipped to the logs bucket under a prefix partitioned by date', (_what, streamId, prefix) => {
    // Act
    const destination = destinationOf(streamId());

    // Assess
    expect(getAttTarget(destination.BucketARN)).toBe('ApiLogsBucket');
    expect(destination.Prefix).toBe(`${prefix}${DATE_PARTITIONS}`);
    expect(destination.ErrorOutputPrefix).toMatch(/^errors\/.*!\{firehose:error-output-type\}/);
    expect(destination.CompressionFormat).toBe('GZIP');
  });

  it('puts one record a line in S3, so Athena reads one row a request', () => {
    // Act
    const lastProcessors = streams.map(([id]) => destinationOf(id).ProcessingConfiguration.Processors.at(-1)?.Type);

    // Assess
    expect(lastProcessors).toEqual(streams.map(() => 'AppendDelimiterToRecord'));
  });

  it('unpacks what CloudWatch Logs sends to the request summaries stream into the logged lines', () => {
    // Act
    const processors = destinationOf('RequestLogStream').ProcessingConfiguration.Processors.map((processor) => processor.Type);

    // Assess
    expect(processors).toEqual(['Decompression', 'CloudWatchLogProcessing', 'AppendDelimiterToRecord']);
  });

  it("subscribes every HTTP function's log group to the request summaries stream, for its \"request completed\" lines only", () => {
    // Prepare
    const functions = Object.values(packagedFunctions(region)) as { name: string; events?: Record<string, unknown>[] }[];
    const httpLogGroups = functions
      .filter((fn) => fn.events?.some((event) => 'http' in event))
      .map((fn) => resourcesOfType(template, 'AWS::Logs::LogGroup').find(([, group]) => propertiesOf(group).LogGroupName === `/aws/lambda/${fn.name}`)?.[0]);

    // Act
    const filters = resourcesOfType(template, 'AWS::Logs::SubscriptionFilter').map(([, filter]) => propertiesOf(filter));

    // Assess
    expect(httpLogGroups.length).toBeGreaterThan(40);
    expect(filters.map((filter) => (filter.LogGroupName as { Ref: string }).Ref).sort()).toEqual([...httpLogGroups].sort());
    expect(new Set(filters.map((filter) => `${filter.FilterPattern} → ${getAttTarget(filter.DestinationArn)}`))).toEqual(
      new Set(['{ $.message = "request completed" } → RequestLogStream']),
    );
  });

  it('keeps the logs bucket private, encrypted and retained, and expires the logs after the retention', () => {
    // Act
    const bucket = template.Resources.ApiLogsBucket;
    const properties = propertiesOf(bucket);
    const expiries = (properties.LifecycleConfiguration as { Rules: { Prefix?: string; ExpirationInDays?: number }[] }).Rules;

    // Assess
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(properties.BucketEncryption).toBeDefined();
    expect(expiries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Prefix: 'access-logs/', ExpirationInDays: 400 }),
        expect.objectContaining({ Prefix: 'requests/', ExpirationInDays: 400 }),
      ]),
    );
  });

  it('lets Firehose write only under its own prefixes of the logs bucket', () => {
    // Prepare
    const role = template.Resources[getAttTarget(destinationOf(accessLogStreamId).RoleARN) ?? ''];
    const statements = (propertiesOf(role).Policies as { PolicyDocument: { Statement: { Action: string[]; Resource: unknown }[] } }[]).flatMap(
      (policy) => policy.PolicyDocument.Statement,
    );

    // Act
    const writable = statements.filter((statement) => statement.Action.includes('s3:PutObject')).flatMap((statement) => [statement.Resource].flat().map(rendered));

    // Assess
    expect(writable.sort()).toEqual(['${ApiLogsBucket.Arn}/access-logs/*', '${ApiLogsBucket.Arn}/errors/*', '${ApiLogsBucket.Arn}/requests/*'].sort());
  });

  it.each([
    ['access_logs', 'access-logs/'],
    ['requests', 'requests/'],
  ])('catalogues %s as a JSON table whose year/month/day partitions are projected from where Firehose writes', (name, prefix) => {
    // Act
    const table = tableNamed(name);
    const parameters = table?.Parameters as Record<string, unknown>;

    // Assess
    expect((table?.PartitionKeys as { Name: string }[]).map((key) => key.Name)).toEqual(['year', 'month', 'day']);
    expect(parameters['projection.enabled']).toBe('true');
    expect(rendered(parameters['storage.location.template'])).toBe(`s3://\${ApiLogsBucket}/${prefix}year=\${year}/month=\${month}/day=\${day}/`);
    expect((table?.StorageDescriptor as { SerdeInfo: { SerializationLibrary: string } }).SerdeInfo.SerializationLibrary).toBe(
      'org.openx.data.jsonserde.JsonSerDe',
    );
  });

  it('gives Athena a workgroup that enforces an encrypted result location in the logs bucket', () => {
    // Act
    const configuration = propertiesOf(onlyOfType(template, 'AWS::Athena::WorkGroup')[1]).WorkGroupConfiguration as {
      EnforceWorkGroupConfiguration: boolean;
      ResultConfiguration: { OutputLocation: unknown; EncryptionConfiguration: { EncryptionOption: string } };
    };

    // Assess
    expect(configuration.EnforceWorkGroupConfiguration).toBe(true);
    expect(rendered(configuration.ResultConfiguration.OutputLocation)).toBe('s3://${ApiLogsBucket}/athena-results/');
    expect(configuration.ResultConfiguration.EncryptionConfiguration.EncryptionOption).toBe('SSE_S3');
  });

  it.each([
    ['5xx by route in the last day', 'access_logs'],
    ['requests per account in the last day', 'requests'],
    ['p99 latency by route in the last day', 'access_logs'],
  ])('saves the query "%s" over %s in the workgroup', (name, table) => {
    // Act
    const query = resourcesOfType(template, 'AWS::Athena::NamedQuery')
      .map(([, resource]) => propertiesOf(resource))
      .find((properties) => properties.Name === name);

    // Assess
    expect(query?.WorkGroup).toEqual({ Ref: 'ApiLogsWorkGroup' });
    expect(query?.QueryString).toMatch(new RegExp(`FROM ${table}\\s+WHERE concat\\(year, '-', month, '-', day\\) >=`));
  });
});
