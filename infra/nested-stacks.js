'use strict';

/**
 * Which resources serverless-plugin-split-stacks moves out of the root stack, and where. A stage has more than
 * CloudFormation's 500 resources in one stack (a function brings its role, log group, version, alias, deployment
 * group, permission, methods and log subscription), so the resources nothing in the root needs to change at once go
 * to nested stacks by kind. Roles, functions, aliases and the API stay in the root: the local plugins and the canary
 * plugin keep editing them after the split has written the nested templates.
 * A migration of a deployed resource re-creates it: change this map only with a new stage in mind.
 */
module.exports = {
  'AWS::Logs::LogGroup': { destination: 'Logs' },
  'AWS::Logs::SubscriptionFilter': { destination: 'LogSubscriptions' },
  'AWS::CloudWatch::Alarm': { destination: 'Alarms' },
  'AWS::CloudWatch::Dashboard': { destination: 'Alarms' },
  'AWS::Lambda::Permission': { destination: 'Permissions' },
  'AWS::Lambda::Version': { destination: 'Versions' },
  // The access logs' catalogue and saved queries: read by people in Athena, referenced by nothing that changes with a deploy.
  'AWS::Glue::Database': { destination: 'AccessLogQueries' },
  'AWS::Glue::Table': { destination: 'AccessLogQueries' },
  'AWS::Athena::WorkGroup': { destination: 'AccessLogQueries' },
  'AWS::Athena::NamedQuery': { destination: 'AccessLogQueries' },
};
