'use strict';

/**
 * Alarms for what the template holds, whatever it holds: every dead-letter queue and every function gets
 * watched without anyone listing them, so a queue or function added later is watched too. It also gives every
 * function (but the pre-traffic hook) the `deploymentSettings` serverless-plugin-canary-deployments reads, with
 * the alarms that roll its deployment back. It works on the compiled template, after `resources` are merged and
 * before the canary plugin (listed after this one) turns the settings into aliases and deployment groups.
 *
 * custom.stageAlarms:
 *   topic: AlertTopic                 # the SNS topic every alarm notifies (logical id)
 *   deploymentAlarms: [ApiAlarm, …]   # alarms every deployment also watches (logical ids)
 *   notCanaried: [relayOutbox]        # functions kept out of traffic shifting
 */

/** CloudWatch math takes at most 10 metrics per alarm, so function metrics are watched in groups of this many. */
const FUNCTIONS_PER_ALARM = 10;

const isQueue = (resource) => resource.Type === 'AWS::SQS::Queue';

/** The logical id a `{ 'Fn::GetAtt': [id, 'Arn'] }` or `{ Ref: id }` points at. */
const referencedId = (value) => {
  if (!value || typeof value !== 'object') return undefined;
  if (Array.isArray(value['Fn::GetAtt'])) return value['Fn::GetAtt'][0];
  if (typeof value['Fn::GetAtt'] === 'string') return value['Fn::GetAtt'].split('.')[0];
  return typeof value.Ref === 'string' ? value.Ref : undefined;
};

/**
 * Dead-letter queues: every queue some queue redrives into, plus every queue that neither redrives anywhere nor
 * feeds a function (where a stream mapping, a bus rule or a destination parks what it could not hand on).
 */
const deadLetterQueues = (resources) => {
  const entries = Object.entries(resources);
  const redriveTargets = new Set(
    entries.filter(([, r]) => isQueue(r)).map(([, r]) => referencedId(r.Properties?.RedrivePolicy?.deadLetterTargetArn)),
  );
  const consumed = new Set(
    entries.filter(([, r]) => r.Type === 'AWS::Lambda::EventSourceMapping').map(([, r]) => referencedId(r.Properties?.EventSourceArn)),
  );
  return entries
    .filter(([id, r]) => isQueue(r) && (redriveTargets.has(id) || (!r.Properties?.RedrivePolicy && !consumed.has(id))))
    .map(([id]) => id)
    .sort();
};

const notifying = (topic) => ({ AlarmActions: [{ Ref: topic }], OKActions: [{ Ref: topic }], TreatMissingData: 'notBreaching' });

const queueDepthAlarm = (queueId, queue, topic) => ({
  Type: 'AWS::CloudWatch::Alarm',
  Properties: {
    AlarmName: `${String(queue.Properties?.QueueName ?? queueId).replace(/\.fifo$/, '')}-depth`,
    AlarmDescription: `Messages are waiting in the dead-letter queue ${queueId}: see "DLQ and stuck-event runbook" in the README.`,
    Namespace: 'AWS/SQS',
    MetricName: 'ApproximateNumberOfMessagesVisible',
    Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
    Statistic: 'Maximum',
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 0,
    ComparisonOperator: 'GreaterThanThreshold',
    ...notifying(topic),
  },
});

/** One alarm over the summed `metric` of up to ten functions; a function without data counts as 0. */
const functionGroupAlarm = ({ metric, group, index, count, stackName, topic }) => ({
  Type: 'AWS::CloudWatch::Alarm',
  Properties: {
    AlarmName: `${stackName}-lambda-${metric.toLowerCase()}-${index + 1}-of-${count}`,
    AlarmDescription: `Lambda ${metric} in ${group.map(({ name }) => name).join(', ')}`,
    Metrics: [
      ...group.map(({ id }, position) => ({
        Id: `m${position}`,
        ReturnData: false,
        MetricStat: {
          Metric: { Namespace: 'AWS/Lambda', MetricName: metric, Dimensions: [{ Name: 'FunctionName', Value: { Ref: id } }] },
          Period: 60,
          Stat: 'Sum',
        },
      })),
      { Id: 'total', Label: `${metric} of ${group.length} functions`, Expression: 'SUM(FILL(METRICS(), 0))', ReturnData: true },
    ],
    EvaluationPeriods: 1,
    Threshold: 0,
    ComparisonOperator: 'GreaterThanThreshold',
    ...notifying(topic),
  },
});

const alarmIdOf = (metric, index) => `LambdaFunctions${metric}Alarm${index + 1}`;

/** The functions of the compiled template, by logical id, in a stable order. */
const templateFunctions = (resources) =>
  Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::Lambda::Function')
    .map(([id, r]) => ({ id, name: r.Properties?.FunctionName ?? id }))
    .sort((a, b) => a.id.localeCompare(b.id));

const groupsOf = (items, size) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * The alarms to add to `resources`, and for each function's logical id the logical id of the Errors alarm that
 * watches it.
 */
const stageAlarms = (resources, { topic, stackName }) => {
  const alarms = {};
  for (const queueId of deadLetterQueues(resources)) alarms[`${queueId}DepthAlarm`] = queueDepthAlarm(queueId, resources[queueId], topic);
  const groups = groupsOf(templateFunctions(resources), FUNCTIONS_PER_ALARM);
  const errorsAlarmOf = {};
  for (const metric of ['Errors', 'Throttles']) {
    groups.forEach((group, index) => {
      alarms[alarmIdOf(metric, index)] = functionGroupAlarm({ metric, group, index, count: groups.length, stackName, topic });
    });
  }
  groups.forEach((group, index) => group.forEach(({ id }) => (errorsAlarmOf[id] = alarmIdOf('Errors', index))));
  return { alarms, errorsAlarmOf };
};

class StageAlarms {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = {
      'after:aws:package:finalize:mergeCustomProviderResources': () => this.addAlarms(),
      'before:aws:package:finalize:saveServiceState': () => this.keepHookPermissionWithTheHook(),
    };
    serverless.configSchemaHandler?.defineCustomProperties({
      properties: {
        stageAlarms: {
          type: 'object',
          properties: {
            topic: { type: 'string' },
            deploymentAlarms: { type: 'array', items: { type: 'string' } },
            notCanaried: { type: 'array', items: { type: 'string' } },
          },
          required: ['topic'],
          additionalProperties: false,
        },
      },
    });
  }

  addAlarms() {
    const service = this.serverless.service;
    const config = service.custom?.stageAlarms ?? {};
    const template = service.provider.compiledCloudFormationTemplate;
    const naming = this.serverless.getProvider('aws').naming;
    if (!config.topic || !template.Resources[config.topic]) {
      throw new Error(`custom.stageAlarms.topic must name the alert topic's resource (got ${config.topic})`);
    }
    const { alarms, errorsAlarmOf } = stageAlarms(template.Resources, { topic: config.topic, stackName: naming.getStackName() });
    Object.assign(template.Resources, alarms);
    const hook = service.custom?.deploymentSettings?.preTrafficHook;
    const kept = new Set([hook, ...(config.notCanaried ?? [])]);
    for (const name of service.getAllFunctions()) {
      if (kept.has(name)) continue;
      const fn = service.getFunction(name);
      const ownAlarm = errorsAlarmOf[naming.getLambdaLogicalId(name)];
      fn.deploymentSettings = { alarms: [ownAlarm, ...(config.deploymentAlarms ?? [])], ...fn.deploymentSettings };
    }
  }

  /**
   * The canary plugin lets the shared execution role report hook results. When the hook has a role of its own
   * (serverless-iam-roles-per-function), no other function needs that, so the grant is taken back.
   */
  keepHookPermissionWithTheHook() {
    const service = this.serverless.service;
    const hook = service.custom?.deploymentSettings?.preTrafficHook;
    const naming = this.serverless.getProvider('aws').naming;
    const resources = service.provider.compiledCloudFormationTemplate.Resources;
    const shared = resources[naming.getRoleLogicalId()];
    const hookFunction = hook && resources[naming.getLambdaLogicalId(hook)];
    if (!shared || !hookFunction || referencedId(hookFunction.Properties?.Role) === naming.getRoleLogicalId()) return;
    const statements = shared.Properties?.Policies?.[0]?.PolicyDocument?.Statement;
    if (!Array.isArray(statements)) return;
    shared.Properties.Policies[0].PolicyDocument.Statement = statements.filter(
      (statement) => !(Array.isArray(statement.Action) && statement.Action.length === 1 && statement.Action[0] === 'codedeploy:PutLifecycleEventHookExecutionStatus'),
    );
  }
}

module.exports = StageAlarms;
module.exports.deadLetterQueues = deadLetterQueues;
module.exports.stageAlarms = stageAlarms;
module.exports.FUNCTIONS_PER_ALARM = FUNCTIONS_PER_ALARM;
