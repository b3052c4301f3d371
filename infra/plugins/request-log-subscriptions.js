'use strict';

/**
 * Subscribes the log group of every function with an `http` event to a Firehose stream, so that the lines the
 * API functions log once a request ("request completed", with the account, retailer and key) reach S3 next to the
 * API Gateway access logs. The function list is only known once serverless has compiled it, hence a plugin.
 *
 * serverless.yml:
 *   custom:
 *     requestLogSubscriptions:
 *       destination: RequestLogStream          # logical id of the AWS::KinesisFirehose::DeliveryStream
 *       role: RequestLogSubscriptionRole       # logical id of the role CloudWatch Logs puts records with
 *       filterPattern: '{ $.message = "request completed" }'
 */

const SETTINGS = 'requestLogSubscriptions';

const settingsSchema = {
  type: 'object',
  properties: {
    destination: { type: 'string' },
    role: { type: 'string' },
    filterPattern: { type: 'string' },
  },
  required: ['destination', 'role', 'filterPattern'],
  additionalProperties: false,
};

const hasHttpEvent = (fn) => (fn.events || []).some((event) => event && event.http !== undefined);

/** The logical id of the log group serverless made for a function, found by the function's deployed name. */
const logGroupOf = (resources, functionName) => {
  const logGroupName = `/aws/lambda/${functionName}`;
  const found = Object.entries(resources).find(
    ([, resource]) => resource.Type === 'AWS::Logs::LogGroup' && resource.Properties && resource.Properties.LogGroupName === logGroupName,
  );
  return found && found[0];
};

const requireResource = (resources, logicalId, type, setting) => {
  if (!resources[logicalId] || resources[logicalId].Type !== type) {
    throw new Error(`custom.${SETTINGS}.${setting} must name a ${type} of the template, not "${logicalId}"`);
  }
};

/**
 * The subscription filters for the HTTP functions, by logical id (the log group's id with RequestLogSubscription
 * in place of LogGroup). `functions` is serverless.yml's functions, each with its deployed `name`.
 */
const requestLogSubscriptions = (functions, resources, settings) => {
  if (!settings) throw new Error(`custom.${SETTINGS} is missing: the destination stream, the role and the filter pattern`);
  requireResource(resources, settings.destination, 'AWS::KinesisFirehose::DeliveryStream', 'destination');
  requireResource(resources, settings.role, 'AWS::IAM::Role', 'role');
  const filters = {};
  for (const [key, fn] of Object.entries(functions)) {
    if (!hasHttpEvent(fn)) continue;
    const logGroupId = logGroupOf(resources, fn.name);
    if (!logGroupId) throw new Error(`function ${key} answers HTTP but has no log group in the template to subscribe`);
    filters[`${logGroupId.replace(/LogGroup$/, '')}RequestLogSubscription`] = {
      Type: 'AWS::Logs::SubscriptionFilter',
      Properties: {
        LogGroupName: { Ref: logGroupId },
        FilterPattern: settings.filterPattern,
        DestinationArn: { 'Fn::GetAtt': [settings.destination, 'Arn'] },
        RoleArn: { 'Fn::GetAtt': [settings.role, 'Arn'] },
      },
    };
  }
  return filters;
};

class RequestLogSubscriptionsPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    if (serverless.configSchemaHandler) {
      serverless.configSchemaHandler.defineCustomProperties({ type: 'object', properties: { [SETTINGS]: settingsSchema } });
    }
    this.hooks = {
      // After serverless.yml's resources are merged in: the stream and the role are among them.
      'after:aws:package:finalize:mergeCustomProviderResources': () => this.subscribe(),
    };
  }

  subscribe() {
    const { service } = this.serverless;
    const resources = service.provider.compiledCloudFormationTemplate.Resources;
    Object.assign(resources, requestLogSubscriptions(service.functions, resources, (service.custom || {})[SETTINGS]));
  }
}

module.exports = RequestLogSubscriptionsPlugin;
module.exports.requestLogSubscriptions = requestLogSubscriptions;
