import { consoleContentSecurityPolicy } from '../../scripts/local-stack/console-policy';
import { PACKAGED_REGIONS, packagedTemplate, resourcesOfType, type PackagedTemplate, type TemplateResource } from './packaged-template';

/** CloudFront's managed policies, by the ids AWS gives them. */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

/** The API's origin as the template writes it, with the stage's REST API and region left as references. */
const API_ORIGIN = 'https://${ApiGatewayRestApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}';

interface Behaviour {
  PathPattern?: string;
  TargetOriginId: string;
  ViewerProtocolPolicy: string;
  AllowedMethods: string[];
  CachePolicyId: string;
  OriginRequestPolicyId?: string;
  ResponseHeadersPolicyId?: unknown;
  FunctionAssociations?: { EventType: string; FunctionARN: unknown }[];
}

interface Origin {
  Id: string;
  DomainName: unknown;
  OriginPath?: string;
  OriginAccessControlId?: unknown;
  S3OriginConfig?: { OriginAccessIdentity: string };
  CustomOriginConfig?: { OriginProtocolPolicy: string };
}

interface DistributionConfig {
  DefaultRootObject: string;
  Origins: Origin[];
  DefaultCacheBehavior: Behaviour;
  CacheBehaviors: Behaviour[];
  CustomErrorResponses?: unknown[];
}

const only = (template: PackagedTemplate, type: string): [string, TemplateResource] => {
  const found = resourcesOfType(template, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
};

const subText = (value: unknown): string => (value as { 'Fn::Sub': string })['Fn::Sub'];

/** Runs the distribution's viewer-request function (CloudFront's JavaScript) on a request for `uri`. */
const routedUri = (functionCode: string, uri: string): string => {
  const handler = new Function(`${functionCode}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };
  return handler({ request: { uri } }).uri;
};

describe.each(PACKAGED_REGIONS)('the console of the production template packaged for %s', (region) => {
  const template = packagedTemplate(region);
  const bucket = template.Resources.ConsoleBucket;
  const [distributionId, distribution] = only(template, 'AWS::CloudFront::Distribution');
  const config = (distribution.Properties as { DistributionConfig: DistributionConfig }).DistributionConfig;
  const originOf = (behaviour: Behaviour) => config.Origins.find((origin) => origin.Id === behaviour.TargetOriginId) as Origin;

  it('keeps the console bucket private: every public access blocked, objects owned by the account, encrypted', () => {
    // Assess
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    expect(bucket.Properties).not.toHaveProperty('WebsiteConfiguration');
  });

  it("lets only this stage's distribution read the console bucket", () => {
    // Prepare
    const policy = resourcesOfType(template, 'AWS::S3::BucketPolicy').find(([, resource]) => JSON.stringify(resource.Properties?.Bucket) === '{"Ref":"ConsoleBucket"}');
    const statements = (policy?.[1].Properties as { PolicyDocument: { Statement: Record<string, unknown>[] } }).PolicyDocument.Statement;

    // Act
    const allows = statements.filter((statement) => statement.Effect === 'Allow');

    // Assess
    expect(allows).toEqual([
      expect.objectContaining({
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Sub': `arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${${distributionId}}` } } },
      }),
    ]);
  });

  it('reaches the bucket through an origin access control that signs every request', () => {
    // Prepare
    const [controlId, control] = only(template, 'AWS::CloudFront::OriginAccessControl');

    // Act
    const origin = originOf(config.DefaultCacheBehavior);

    // Assess
    expect(origin.DomainName).toEqual({ 'Fn::GetAtt': ['ConsoleBucket', 'RegionalDomainName'] });
    expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [controlId, 'Id'] });
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(control.Properties).toMatchObject({
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
  });

  it("sends /v1/* to the stage's API uncached, with every method and the viewer's headers but Host", () => {
    // Act
    const api = config.CacheBehaviors.find((behaviour) => behaviour.PathPattern === '/v1/*') as Behaviour;

    // Assess
    expect(subText(originOf(api).DomainName)).toBe('${ApiGatewayRestApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}');
    expect(originOf(api).OriginPath).toBe('/production');
    expect(originOf(api).CustomOriginConfig?.OriginProtocolPolicy).toBe('https-only');
    expect(api.CachePolicyId).toBe(CACHING_DISABLED);
    expect(api.OriginRequestPolicyId).toBe(ALL_VIEWER_EXCEPT_HOST_HEADER);
    expect([...api.AllowedMethods].sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
    expect(api.ViewerProtocolPolicy).toBe('https-only');
  });

  it('serves the app cached, over HTTPS only, with index.html at the root', () => {
    // Assess
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.CachePolicyId).toBe(CACHING_OPTIMIZED);
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it("answers the app's client routes with index.html and leaves files and the API's own errors alone", () => {
    // Prepare
    const [functionId, routes] = only(template, 'AWS::CloudFront::Function');
    const code = routes.Properties?.FunctionCode as string;

    // Act
    const routed = ['/orders/o-1', '/', '/assets/index-4f2a9c.js', '/favicon.svg'].map((uri) => routedUri(code, uri));

    // Assess
    expect(routed).toEqual(['/index.html', '/index.html', '/assets/index-4f2a9c.js', '/favicon.svg']);
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } }]);
    // Custom error responses would apply to /v1/* too, and turn the API's 403 and 404 answers into index.html.
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it('sends the same Content-Security-Policy as the local stack, naming the stage API as the one other origin', () => {
    // Prepare
    const [policyId, policy] = only(template, 'AWS::CloudFront::ResponseHeadersPolicy');
    const headers = (policy.Properties as { ResponseHeadersPolicyConfig: { SecurityHeadersConfig: Record<string, Record<string, unknown>> } })
      .ResponseHeadersPolicyConfig.SecurityHeadersConfig;

    // Act
    const csp = subText(headers.ContentSecurityPolicy.ContentSecurityPolicy);

    // Assess
    expect(csp).toBe(consoleContentSecurityPolicy(API_ORIGIN));
    expect(headers.ContentSecurityPolicy.Override).toBe(true);
    expect(headers.StrictTransportSecurity).toMatchObject({ Override: true });
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });

  it('outputs the console URL, its bucket and its distribution for the upload after a deploy', () => {
    // Assess
    expect(Object.keys(template.Outputs ?? {})).toEqual(expect.arrayContaining(['ConsoleUrl', 'ConsoleBucketName', 'ConsoleDistributionId']));
    expect(JSON.stringify(template.Outputs?.ConsoleUrl)).toContain('"Fn::GetAtt":["ConsoleDistribution","DomainName"]');
    expect((template.Outputs?.ConsoleBucketName as { Value: unknown }).Value).toEqual({ Ref: 'ConsoleBucket' });
  });
});
