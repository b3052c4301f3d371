/**
 * Actions a function's role needs that no SDK call of its bundle makes: the Lambda service acts
 * under the function's role for them. Each with the reason.
 */
export const RUNTIME_ACTIONS: Record<string, string> = {
  'logs:CreateLogGroup': 'Lambda writes the function’s logs under its role (the log group itself is a stack resource)',
  'logs:CreateLogStream': 'Lambda writes the function’s logs under its role',
  'logs:PutLogEvents': 'Lambda writes the function’s logs under its role',
  'xray:PutTraceSegments': 'active tracing: Lambda sends the function’s trace segments under its role',
  'xray:PutTelemetryRecords': 'active tracing: Lambda sends the function’s trace telemetry under its role',
};

/**
 * Event source mappings made at run time, not in the template, and what Lambda does under the
 * function's role for them.
 */
export const RUNTIME_MAPPINGS: Record<string, { actions: string[]; reason: string }> = {
  relayOutbox: {
    actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams', 'sqs:SendMessage'],
    reason: 'account creation maps each account table’s stream to the relay, with the outbox DLQ as the on-failure destination',
  },
};

/** Actions AWS authorises on '*' alone: they have no resource type to scope them to. */
export const WILDCARD_ACTIONS: Record<string, string> = {
  'xray:PutTraceSegments': 'X-Ray has no resource types',
  'xray:PutTelemetryRecords': 'X-Ray has no resource types',
  'dynamodb:ListStreams': 'ListStreams has no resource type',
  'lambda:ListEventSourceMappings': 'ListEventSourceMappings has no resource type',
  'lambda:CreateEventSourceMapping': 'CreateEventSourceMapping has no resource type; a lambda:FunctionArn condition scopes it',
};

/** Wildcard actions that must carry a condition, naming the condition key. */
export const CONDITIONED_WILDCARD_ACTIONS: Record<string, string> = {
  'lambda:CreateEventSourceMapping': 'lambda:FunctionArn',
};

/**
 * What the role serverless makes for every function may still hold once each function has its own:
 * serverless puts the log, trace and queue-polling actions there, and the canary deployments plugin the
 * lifecycle hooks' report. No function runs under it.
 */
export const SHARED_ROLE_ACTIONS = new Set([
  'logs:CreateLogGroup',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'logs:TagResource',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'sqs:ReceiveMessage',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
  'codedeploy:PutLifecycleEventHookExecutionStatus',
]);

/** Writes, in any service: the health check makes none. */
export const WRITE_ACTION = /^(dynamodb:(Put|Update|Delete|BatchWrite|Create|ConditionCheck)|sqs:(Send|Delete|Purge)|s3:(Put|Delete)|events:Put|kms:|ssm:Put|lambda:(Create|Update|Delete))/;

/**
 * The only resources granted by pattern rather than by name, each with the reason. A pattern is matched
 * against the resource as the template writes it (a string, a Fn::Sub or a Fn::Join).
 */
export const PATTERN_RESOURCES: { pattern: RegExp; reason: string }[] = [
  { pattern: /:table\/ordo-production-acct-\*(\/index\/\*|\/stream\/\*)?"/, reason: 'account tables are created at run time, so they are granted by the stage’s name prefix' },
  { pattern: /"ControlPlaneTable","Arn"\]},"index","\*"\]/, reason: 'the control-plane table’s indexes' },
  { pattern: /:log-group:\/aws\/lambda\/ordo-production-[A-Za-z0-9]+:\*:\*"/, reason: 'the streams of the function’s own log group' },
  { pattern: /"ImportDropBucket","Arn"\]},"\/accounts\/\*"\]/, reason: 'files dropped under accounts/ in the import bucket' },
  { pattern: /:parameter\/ordo\/production\/\*"/, reason: 'the stage’s own parameters' },
  {
    pattern: /":deploymentgroup:",\{"Ref":"OrdoproductionDeploymentApplication"\},"\/\*"\]/,
    reason: 'the pre-traffic hook reports on the deployment groups of the stage’s own CodeDeploy application, one per function',
  },
  {
    pattern: /:function:ordo-production-\*:\*"/,
    reason: 'the pre-traffic hook invokes the new version of whichever of the stage’s functions is being deployed',
  },
];
