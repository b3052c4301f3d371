'use strict';

/**
 * Serverless v3 creates the REST API's stage through the deployment's StageName, which leaves the stage no place
 * in the template: its throttling and access logging could only be set by API calls after a deploy. serverless.yml
 * declares the stage as an AWS::ApiGateway::Stage of its own instead, and this plugin takes StageName off the
 * deployment that stage points at, so that CloudFormation does not create the same stage twice.
 *
 * It also makes that deployment wait for the API's gateway responses: a deployment is a snapshot of the API, and
 * one taken before them would serve API Gateway's own error bodies until the next deploy. And what waited for the
 * deployment waited for the stage it made (serverless's usage plans do): it now waits for the stage resource too.
 *
 * A stack whose stage the deployment created cannot take the stage resource as is (the stage already exists):
 * docs/operations/access-logs.md says how to move one over.
 */

const DEPLOYMENT = 'AWS::ApiGateway::Deployment';
const STAGE = 'AWS::ApiGateway::Stage';
const GATEWAY_RESPONSE = 'AWS::ApiGateway::GatewayResponse';

const dependenciesOf = (resource) => (resource.DependsOn === undefined ? [] : [resource.DependsOn].flat());

/** Makes every resource that depends on `dependency` depend on `addition` too. */
const addDependency = (resources, dependency, addition) => {
  for (const [id, resource] of Object.entries(resources)) {
    if (id !== addition && dependenciesOf(resource).includes(dependency)) {
      resource.DependsOn = [...new Set([...dependenciesOf(resource), addition])];
    }
  }
};

/**
 * Takes StageName off every deployment that a stage resource of the same name points at, makes it depend on the
 * template's gateway responses, and what depended on it on the stage too. Returns the ids of those deployments.
 */
const detachStagesFromDeployments = (resources) => {
  const gatewayResponses = Object.keys(resources).filter((id) => resources[id].Type === GATEWAY_RESPONSE);
  const detached = [];
  for (const [stageId, stage] of Object.entries(resources)) {
    if (stage.Type !== STAGE) continue;
    const deploymentId = stage.Properties && stage.Properties.DeploymentId && stage.Properties.DeploymentId.Ref;
    const deployment = deploymentId && resources[deploymentId];
    if (!deployment || deployment.Type !== DEPLOYMENT) {
      throw new Error(`${stageId} must point at the API's deployment with DeploymentId: { Ref: ApiGatewayDeployment\${sls:instanceId} }`);
    }
    if (deployment.Properties.StageName !== stage.Properties.StageName) continue;
    delete deployment.Properties.StageName;
    deployment.DependsOn = [...new Set([...dependenciesOf(deployment), ...gatewayResponses])];
    addDependency(resources, deploymentId, stageId);
    detached.push(deploymentId);
  }
  return detached;
};

class ApiStagePlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = {
      // After serverless.yml's resources are merged in, so the stage resource is there to see.
      'after:aws:package:finalize:mergeCustomProviderResources': () => this.detach(),
    };
  }

  detach() {
    detachStagesFromDeployments(this.serverless.service.provider.compiledCloudFormationTemplate.Resources);
  }
}

module.exports = ApiStagePlugin;
module.exports.detachStagesFromDeployments = detachStagesFromDeployments;
