import ApiStagePlugin, { detachStagesFromDeployments } from '../../../infra/plugins/api-stage';
import type { TemplateResource } from '../../../infra/plugins/api-stage';

const deployment = (stageName = 'production'): TemplateResource => ({
  Type: 'AWS::ApiGateway::Deployment',
  Properties: { RestApiId: { Ref: 'ApiGatewayRestApi' }, StageName: stageName },
});

const stage = (deploymentId: string, stageName = 'production'): TemplateResource => ({
  Type: 'AWS::ApiGateway::Stage',
  Properties: { RestApiId: { Ref: 'ApiGatewayRestApi' }, DeploymentId: { Ref: deploymentId }, StageName: stageName },
});

describe('the api-stage serverless plugin', () => {
  it('takes StageName off the deployment a stage resource of the same name points at, so the stage is created once', () => {
    // Prepare
    const resources = { ApiGatewayDeployment123: deployment(), ApiGatewayStage: stage('ApiGatewayDeployment123') };

    // Act
    detachStagesFromDeployments(resources);

    // Assess
    expect(resources.ApiGatewayDeployment123.Properties).toEqual({ RestApiId: { Ref: 'ApiGatewayRestApi' } });
  });

  it('makes the deployment wait for the gateway responses, so the first deploy already serves them', () => {
    // Prepare
    const resources: Record<string, TemplateResource> = {
      ApiGatewayDeployment123: { ...deployment(), DependsOn: ['ApiGatewayMethodV1HealthGet'] },
      ApiGatewayStage: stage('ApiGatewayDeployment123'),
      ApiThrottledResponse: { Type: 'AWS::ApiGateway::GatewayResponse', Properties: { ResponseType: 'THROTTLED' } },
    };

    // Act
    detachStagesFromDeployments(resources);

    // Assess
    expect(resources.ApiGatewayDeployment123.DependsOn).toEqual(['ApiGatewayMethodV1HealthGet', 'ApiThrottledResponse']);
  });

  it('makes what waited for the deployment, such as a usage plan, wait for the stage resource too', () => {
    // Prepare
    const resources: Record<string, TemplateResource> = {
      ApiGatewayDeployment123: deployment(),
      ApiGatewayStage: stage('ApiGatewayDeployment123'),
      ApiGatewayUsagePlan: { Type: 'AWS::ApiGateway::UsagePlan', DependsOn: 'ApiGatewayDeployment123' },
    };

    // Act
    detachStagesFromDeployments(resources);

    // Assess
    expect(resources.ApiGatewayUsagePlan.DependsOn).toEqual(['ApiGatewayDeployment123', 'ApiGatewayStage']);
  });

  it('leaves the deployment alone when no stage resource is declared', () => {
    // Prepare
    const resources = { ApiGatewayDeployment123: deployment() };

    // Act
    const detached = detachStagesFromDeployments(resources);

    // Assess
    expect(detached).toEqual([]);
    expect(resources.ApiGatewayDeployment123.Properties?.StageName).toBe('production');
  });

  it('leaves the deployment its stage when the stage resource is another stage', () => {
    // Prepare
    const resources = { ApiGatewayDeployment123: deployment('production'), PreviewStage: stage('ApiGatewayDeployment123', 'preview') };

    // Act
    detachStagesFromDeployments(resources);

    // Assess
    expect(resources.ApiGatewayDeployment123.Properties?.StageName).toBe('production');
  });

  it('refuses a stage resource that does not point at a deployment of the template', () => {
    // Prepare
    const resources = { ApiGatewayDeployment123: deployment(), ApiGatewayStage: stage('ApiGatewayDeploymentOld') };

    // Act
    const detach = () => detachStagesFromDeployments(resources);

    // Assess
    expect(detach).toThrow(/ApiGatewayStage must point at the API's deployment/);
  });

  it('runs once serverless.yml resources are merged into the compiled template', () => {
    // Prepare
    const resources = { ApiGatewayDeployment123: deployment(), ApiGatewayStage: stage('ApiGatewayDeployment123') };
    const plugin = new ApiStagePlugin({ service: { provider: { compiledCloudFormationTemplate: { Resources: resources } } } });

    // Act
    plugin.hooks['after:aws:package:finalize:mergeCustomProviderResources']();

    // Assess
    expect(resources.ApiGatewayDeployment123.Properties?.StageName).toBeUndefined();
  });
});
